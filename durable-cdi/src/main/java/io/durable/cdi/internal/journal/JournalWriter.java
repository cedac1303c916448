package io.durable.cdi.internal.journal;

import io.durable.api.DurableException;
import io.durable.spi.StoreFailure;
import io.durable.spi.TransactionRunner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.Callable;

/**
 * Writes to the journal in a transaction of its own. A write that fails (lease lost, conflict,
 * database down) aborts the execution, so workflow code that catches the failure cannot go on.
 */
@ApplicationScoped
public class JournalWriter {

    @Inject
    TransactionRunner transactions;

    public void write(Execution execution, String what, Callable<Void> work) {
        write(execution, what, work, null);
    }

    /**
     * Writes and returns what the work returned. An exception of type {@code passThrough} leaves
     * unchanged and does not abort the execution: it is the caller's to handle (a step body's failure,
     * a refusal the workflow code may catch).
     */
    public <T> T write(Execution execution, String what, Callable<T> work, Class<? extends RuntimeException> passThrough) {
        try {
            return transactions.inNewTransaction(work);
        } catch (RuntimeException e) {
            if (passThrough != null && passThrough.isInstance(e)) {
                throw e;
            }
            if (e instanceof DurableException durable) {
                execution.abort(durable);
                throw durable;
            }
            throw aborted(execution, what, e);
        } catch (Exception e) {
            throw aborted(execution, what, e);
        }
    }

    /**
     * Aborts the execution with a store failure that names what was being written: a refusal that
     * will not go away (the run fails), or a transient failure (the run is left to resume).
     */
    DurableException aborted(Execution execution, String what, Exception cause) {
        DurableException failure = StoreFailure.toException("journaling " + what + " of run " + execution.run().id(),
                cause);
        execution.abort(failure);
        return failure;
    }
}
