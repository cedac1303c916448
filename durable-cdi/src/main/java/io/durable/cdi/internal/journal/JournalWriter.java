package io.durable.cdi.internal.journal;

import io.durable.api.DurableException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StoreException;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.spi.EngineClock;
import io.durable.spi.JournalConflictException;
import io.durable.spi.StoreFailure;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Writes to the journal in a transaction of its own. A write that fails for a reason that will pass
 * (a dropped connection, a database restarting: a {@link StoreException}) is tried again on the same
 * execution with a short back-off while the lease holds, so a database that comes back loses no run
 * for a lease period. A write that still fails, or fails for good (lease lost, conflict, a refusal),
 * aborts the execution, so workflow code that catches the failure cannot go on.
 */
@ApplicationScoped
public class JournalWriter {

    private static final Logger LOG = Logger.getLogger(JournalWriter.class.getName());
    private static final Duration FIRST_BACK_OFF = Duration.ofMillis(50);
    /**
     * The longest wait between two attempts: a pool that does not validate hands out its dead
     * connections one after another (Payara's keeps some of them), so what frees it is attempts, not time.
     */
    private static final Duration MAX_BACK_OFF = Duration.ofMillis(250);

    @Inject
    TransactionRunner transactions;

    @Inject
    EngineSettings settings;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    GroupCommit groupCommit;

    @Inject
    WorkflowStore store;

    @Inject
    EngineMetrics metrics;

    public void write(Execution execution, String what, Callable<Void> work) {
        write(execution, what, work, null);
    }

    /**
     * Appends a plain step's new entry as a write of its own through the node's {@link GroupCommit}
     * (alone, {@link WorkflowStore#appendStepCommitted}: one auto-committed statement where the store
     * can; or in a batch with other runs' entries), with the retries and the abort of {@link #write}. A
     * retry that meets the entry as the earlier attempt wrote it (an in-doubt commit) counts as written.
     */
    public void append(Execution execution, String what, StepInfo entry) {
        Instant began = clock.instant();
        appendEntry(execution, what, entry);
        metrics.journalWritten(Duration.between(began, clock.instant()));
    }

    /**
     * Ends a run with no parent as a write of its own through the node's {@link GroupCommit} (alone,
     * {@link WorkflowStore#finishRunCommitted}: one auto-committed statement where the store can; or in
     * a batch with other runs' ends), tried again after a failure that passes, as
     * {@link #retryingCommitted}. A retry that finds the lease gone because an earlier attempt's commit
     * ended the run with its answer lost (an in-doubt commit) counts as written when the run reads
     * back ended as this execution ended it.
     *
     * @throws Exception the last failure, as the store threw it
     */
    public void finish(Execution execution, RunStatus status, String outputJson, String error, Instant now)
            throws Exception {
        boolean[] failedBefore = {false};
        retryingCommitted(execution, "the end", () -> {
            try {
                groupCommit.finish(execution.lease(), status, outputJson, error, now);
            } catch (LeaseLostException lost) {
                if (!failedBefore[0] || !ended(execution, status, outputJson, error, now)) {
                    throw lost;
                }
                LOG.fine(() -> "Run " + execution.run().id() + " was ended by an attempt whose commit looked failed");
            } catch (Exception e) {
                failedBefore[0] = true;
                throw e;
            }
            return null;
        });
    }

    /** Whether the run reads back ended as given, with no lease: what an in-doubt end leaves. */
    private boolean ended(Execution execution, RunStatus status, String outputJson, String error, Instant now)
            throws Exception {
        return transactions.inNewTransaction(() -> store.findRun(execution.run().id())).filter(stored ->
                stored.leaseOwner() == null && stored.info().status() == status
                        && Objects.equals(stored.info().outputJson(), outputJson)
                        && Objects.equals(stored.info().error(), error) && stored.info().finishedAt() != null
                        && stored.info().finishedAt().toEpochMilli() == now.toEpochMilli()).isPresent();
    }

    private void appendEntry(Execution execution, String what, StepInfo entry) {
        boolean[] failedBefore = {false};
        write(execution, what, () -> {
            try {
                groupCommit.append(execution.lease(), entry);
            } catch (JournalConflictException conflict) {
                if (!failedBefore[0] || !journaled(execution, entry)) {
                    throw conflict;
                }
                LOG.fine(() -> "Step " + entry.stepKey() + " of run " + execution.run().id()
                        + " was journaled by an attempt whose commit looked failed");
            } catch (Exception e) {
                failedBefore[0] = true;
                throw e;
            }
            return null;
        }, null, false);
    }

    /**
     * Whether the entry is in the journal as written: an attempt whose commit reached the database
     * but whose answer was lost with the connection (an in-doubt commit) leaves it there, and the
     * retry then meets it as a conflict.
     */
    private boolean journaled(Execution execution, StepInfo entry) throws Exception {
        return transactions.inNewTransaction(() -> store.loadJournal(execution.run().id())).stream()
                .anyMatch(stored -> stored.sequence() == entry.sequence() && stored.stepKey().equals(entry.stepKey())
                        && stored.status() == entry.status() && Objects.equals(stored.resultJson(), entry.resultJson()));
    }

    /**
     * Writes and returns what the work returned. An exception of type {@code passThrough} leaves
     * unchanged and does not abort the execution: it is the caller's to handle (a step body's failure,
     * a refusal the workflow code may catch).
     */
    public <T> T write(Execution execution, String what, Callable<T> work, Class<? extends RuntimeException> passThrough) {
        return write(execution, what, work, passThrough, true);
    }

    private <T> T write(Execution execution, String what, Callable<T> work, Class<? extends RuntimeException> passThrough,
                        boolean ownTransaction) {
        try {
            return retrying(execution, what, ownTransaction ? () -> transactions.inNewTransaction(work) : work,
                    passThrough);
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
     * Runs store work of an execution in a transaction of its own, again after a transient failure
     * ({@link StoreException}, as the store or {@link StoreFailure} classifies it), with a back-off
     * from 50 ms doubling up to 250 ms (or a tenth of a lease, if shorter), until it succeeds, fails otherwise, the execution must stop, or a
     * lease has gone by (the renewals run meanwhile; a node that took the run over after the lease
     * expired fences these writes out). A retried transactional step runs its body again in the new
     * transaction: the failed one rolled back, so its effects still happen once.
     *
     * @return what the work returned
     * @throws Exception the last failure, as the work or the store threw it
     */
    public <T> T retrying(Execution execution, String what, Callable<T> work) throws Exception {
        return retrying(execution, what, () -> transactions.inNewTransaction(work), null);
    }

    /**
     * As {@link #retrying(Execution, String, Callable)}, for work that commits on its own (a store's
     * {@code ...Committed} write): no transaction around it.
     */
    public <T> T retryingCommitted(Execution execution, String what, Callable<T> work) throws Exception {
        return retrying(execution, what, work, null);
    }

    /**
     * As {@link #retrying(Execution, String, Callable)}, with each attempt as given (the transaction is
     * the attempt's); an exception of type {@code passThrough} (a step body's failure) is never tried
     * again.
     */
    private <T> T retrying(Execution execution, String what, Callable<T> once,
                           Class<? extends RuntimeException> passThrough) throws Exception {
        Instant giveUp = clock.instant().plus(settings.leaseDuration());
        Duration wait = FIRST_BACK_OFF;
        for (int attempt = 1; ; attempt++) {
            try {
                return once.call();
            } catch (Exception e) {
                if (!transientStoreFailure(e, passThrough) || execution.abortCause() != null
                        || clock.instant().plus(wait).isAfter(giveUp)) {
                    throw e;
                }
                int failed = attempt;
                Duration next = wait;
                // the first failure of a write is worth a line; the attempts after it would flood the log in an outage
                LOG.log(attempt == 1 ? Level.INFO : Level.FINE, () -> "Writing " + what + " of run " + execution.run().id()
                        + " failed (attempt " + failed + ", " + JsonCodec.rootMessage(e) + "); trying again in "
                        + next.toMillis() + " ms");
                try {
                    execution.awaitUnlessStopped(wait);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                wait = min(wait.multipliedBy(2), min(MAX_BACK_OFF, settings.leaseDuration().dividedBy(10)));
            }
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /**
     * Whether the failure is the database's and will pass: a {@link StoreException} from the store, or
     * a failure of the database or the transaction around the work (a {@link java.sql.SQLException} in
     * its causes, or a JTA commit or pool failure that carries none, as {@link StoreFailure#fromDatabase}
     * tells) that {@link StoreFailure} classifies as transient. Anything else, a step body's failure
     * above all, is not the store's to try again.
     */
    private static boolean transientStoreFailure(Exception e, Class<? extends RuntimeException> passThrough) {
        return (passThrough == null || !passThrough.isInstance(e)) && transientStoreFailure(e);
    }

    /** Whether the failure is the database's and will pass, as {@link #retrying} tries again. */
    static boolean transientStoreFailure(Exception e) {
        if (e instanceof DurableException) {
            return e instanceof StoreException;
        }
        return StoreFailure.isTransientDatabaseFailure(e);
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
