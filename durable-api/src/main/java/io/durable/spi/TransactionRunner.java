package io.durable.spi;

import java.util.concurrent.Callable;

/**
 * How the engine demarcates transactions: in an application server a JTA transaction, in Java SE a
 * resource-local one. Store calls made inside {@code work} join the transaction.
 */
public interface TransactionRunner {

    /**
     * Runs {@code work} in a new transaction, suspending any current one, and commits it; rolls it
     * back when {@code work} throws.
     *
     * @param work the work
     * @param <T>  its result type
     * @return what {@code work} returned
     * @throws Exception what {@code work} threw, after the rollback
     */
    <T> T inNewTransaction(Callable<T> work) throws Exception;
}
