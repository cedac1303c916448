package io.durable.cdi.internal.platform;

import io.durable.api.DurableException;
import io.durable.spi.StoreFailure;
import io.durable.spi.TransactionRunner;

import java.util.concurrent.Callable;

/**
 * Store work outside an execution, in a transaction of its own; any failure but the library's is a
 * store failure, classified as a refusal or a transient failure.
 */
public final class StoreCalls {

    private StoreCalls() {
    }

    public static <T> T inTransaction(TransactionRunner transactions, String what, Callable<T> work) {
        try {
            return transactions.inNewTransaction(work);
        } catch (DurableException e) {
            throw e;
        } catch (Exception e) {
            throw StoreFailure.toException(what, e);
        }
    }
}
