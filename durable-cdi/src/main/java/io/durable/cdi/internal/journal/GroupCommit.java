package io.durable.cdi.internal.journal;

import io.durable.api.LeaseLostException;
import io.durable.api.StepInfo;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the journal entries of plain steps of all runs executing on this node in shared
 * transactions: one commit for the entries that arrived while the previous commit was under way.
 *
 * <p>No thread of its own and no timer: a step's thread queues its entry and takes the writer's
 * lock; whoever holds it writes everything queued (its own entry among them) in one transaction and
 * completes each entry. A thread that finds its entry written by the holder before it returns at
 * once. A lone run therefore waits for nothing, and under load a commit carries every entry that
 * came in during the one before. Each step returns only after its own entry is durable, as before.
 *
 * <p>An entry whose lease is lost fails only its own step. When the shared transaction fails as a
 * whole (a duplicate key, which dooms the transaction on PostgreSQL; a dropped connection), each
 * entry of the batch is written again in a transaction of its own, so a refusal reaches only the
 * step it belongs to, and a transient failure reaches each step's own retry
 * ({@link JournalWriter}).
 */
@ApplicationScoped
class GroupCommit {

    /** Entries written in one transaction at most. */
    static final int MAX_BATCH = 256;

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    /** Entries waiting for a commit (package-private for the tests). */
    final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
    /** Held by the thread that writes a batch (package-private for the tests). */
    final ReentrantLock writer = new ReentrantLock();

    /**
     * Appends an entry while its lease holds, and returns once it is committed.
     *
     * @param lease the writer's lease
     * @param entry the entry
     * @throws LeaseLostException when another node claimed the run
     * @throws Exception the store's failure for this entry, as {@link WorkflowStore#appendStep} and
     *     the commit would throw it
     */
    void append(Lease lease, StepInfo entry) throws Exception {
        Pending mine = new Pending(new LeasedStep(lease, entry));
        queue.add(mine);
        writer.lock();
        try {
            while (!mine.done) {
                writeBatch(drain());
            }
        } finally {
            writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private List<Pending> drain() {
        List<Pending> batch = new ArrayList<>();
        for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
            batch.add(next);
        }
        return batch;
    }

    private void writeBatch(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<LeasedStep> entries = batch.stream().map(p -> p.entry).toList();
        boolean[] written;
        try {
            written = transactions.inNewTransaction(() -> store.appendSteps(entries));
        } catch (Exception e) {
            if (batch.size() == 1) {
                batch.get(0).fail(e);
            } else {
                batch.forEach(this::writeAlone);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending pending = batch.get(i);
            if (written[i]) {
                pending.complete();
            } else {
                pending.fail(new LeaseLostException(pending.entry.lease().runId().value(), pending.entry.lease().epoch()));
            }
        }
    }

    private void writeAlone(Pending pending) {
        try {
            transactions.inNewTransaction(() -> {
                store.appendStep(pending.entry.lease(), pending.entry.step());
                return null;
            });
            pending.complete();
        } catch (Exception e) {
            pending.fail(e);
        }
    }

    /** An entry waiting for its commit; read and written under the writer's lock. */
    static final class Pending {

        final LeasedStep entry;
        boolean done;
        Exception failure;

        Pending(LeasedStep entry) {
            this.entry = entry;
        }

        void complete() {
            done = true;
        }

        void fail(Exception e) {
            failure = e;
            done = true;
        }
    }
}
