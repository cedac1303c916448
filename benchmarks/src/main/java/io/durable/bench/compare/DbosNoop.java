package io.durable.bench.compare;

/** The DBOS workflow of the comparison: {@code count} no-op steps. */
public interface DbosNoop {

    /**
     * Runs {@code count} no-op steps.
     *
     * @param count the number of steps
     * @return the sum of the steps' results
     */
    int run(int count);
}
