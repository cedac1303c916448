package io.durable.cdi.internal;

import io.durable.api.DurableException;
import io.durable.api.StoreException;
import io.durable.spi.TransactionRunner;

import java.util.concurrent.Callable;

/** Store work outside an execution, in a transaction of its own; any failure but the library's is a store failure. */
final class StoreCalls {

    private StoreCalls() {
    }

    static <T> T inTransaction(TransactionRunner transactions, String what, Callable<T> work) {
        try {
            return transactions.inNewTransaction(work);
        } catch (DurableException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException(what, e);
        }
    }
}
