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

    /**
     * Empties the library's database and opens the library on it, before a measurement.
     *
     * @param pg the benchmark's PostgreSQL
     */
    default void prepare(PgStats pg) throws Exception {
        pg.recreate(database());
        open();
    }

    /**
     * One run as {@link #run}, and how long it took from start to result, in nanoseconds: measured
     * around {@link #run}, or by the library's own process where the call to it costs time of its own.
     */
    default long timedRun(String id, int steps) throws Exception {
        long t0 = System.nanoTime();
        run(id, steps);
        return System.nanoTime() - t0;
    }

    /** The library's JDBC calls so far, as {@link CountingDriver.Counts#snapshot()} counts them. */
    default long[] jdbcCounts() {
        return CountingDriver.counts(database()).snapshot();
    }

    @Override
    void close() throws java.sql.SQLException;
}
