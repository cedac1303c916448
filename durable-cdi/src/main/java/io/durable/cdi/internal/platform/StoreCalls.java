package io.durable.cdi.internal.platform;

import io.durable.api.DurableException;
import io.durable.spi.StoreFailure;
import io.durable.spi.TransactionRunner;

import java.util.concurrent.Callable;

/**
 * Store work outside an execution, in a transaction of its own (or, {@link #call}, as the work
 * demarcates it); any failure but the library's is a store failure, classified as a refusal or a
 * transient failure.
 */
public final class StoreCalls {

    private StoreCalls() {
    }

    public static <T> T inTransaction(TransactionRunner transactions, String what, Callable<T> work) {
        return call(what, () -> transactions.inNewTransaction(work));
    }

    /** Runs store work that demarcates its own transactions (a store's {@code ...Committed} write). */
    public static <T> T call(String what, Callable<T> work) {
        try {
            return work.call();
        } catch (DurableException e) {
            throw e;
        } catch (Exception e) {
            throw StoreFailure.toException(what, e);
        }
    }
}
