package io.durable.bench.compare;

/**
 * One library (or raw JDBC) as the benchmark drives it: opened on its own empty database, then
 * {@link #run} from many threads at once, each call one whole run: start it, then wait for its result
 * on the caller's thread.
 */
interface Subject extends AutoCloseable {

    /** The library: {@code jdbc}, {@code dbos} or {@code durable}. */
    String engine();

    /** How it runs: the path and pool. */
    String path();

    /** Its own database, recreated before each measurement; its JDBC calls are counted under its name. */
    String database();

    /** Starts the library on its database (recreated and empty). */
    void open() throws Exception;

    /**
     * One run of {@code steps} no-op steps, started and awaited from the caller's thread.
     *
     * @param id    a name unique in this measurement
     * @param steps the number of steps
     */
    void run(String id, int steps) throws Exception;

    @Override
    void close() throws java.sql.SQLException;
}
