package io.durable.cdi.internal.journal;

import io.durable.api.LeaseLostException;
import io.durable.api.StepInfo;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.PostConstruct;
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
 * <p>No thread of its own and no timer. There are {@code durable.engine.journal-lanes} lanes (none by
 * default: then {@link JournalWriter} writes each entry in a transaction of its own), each a writer's
 * lock and a queue. A step's thread that finds a lane free writes its entry there at once, so a lone
 * run waits for nothing and a few concurrent runs write side by side. When every lane is writing,
 * the thread queues its entry on the shortest lane and takes that lane's lock; whoever holds it writes
 * everything queued there (its own entry among them) in one transaction and completes each entry, so
 * under load each commit carries what arrived during the one before. Each step returns only after
 * its own entry is durable, as before.
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

    @Inject
    EngineSettings settings;

    /** The lanes, each one writer with its own queue; none when the group commit is off. */
    volatile Lane[] lanes;

    /** The lanes the settings ask for ({@code durable.engine.journal-lanes}). */
    @PostConstruct
    void start() {
        lanes = lanes(settings.journalLanes());
    }

    static Lane[] lanes(int count) {
        Lane[] created = new Lane[count];
        for (int i = 0; i < count; i++) {
            created[i] = new Lane();
        }
        return created;
    }

    /** Whether entries go through the group commit ({@code durable.engine.journal-lanes} above 0). */
    boolean enabled() {
        return lanes.length > 0;
    }

    /**
     * Appends an entry while its lease holds, and returns once it is committed. A free lane writes it
     * at once; when every lane is writing, it joins the shortest queue and goes out with that lane's
     * next batch.
     *
     * @param lease the writer's lease
     * @param entry the entry
     * @throws LeaseLostException when another node claimed the run
     * @throws Exception the store's failure for this entry, as {@link WorkflowStore#appendStep} and
     *     the commit would throw it
     */
    void append(Lease lease, StepInfo entry) throws Exception {
        Pending mine = new Pending(new LeasedStep(lease, entry));
        Lane lane = null;
        for (Lane candidate : lanes) {
            if (candidate.writer.tryLock()) {
                lane = candidate;
                break;
            }
        }
        if (lane == null) {
            lane = shortest();
            lane.queue.add(mine);
            lane.writer.lock();
        } else {
            lane.queue.add(mine);
        }
        try {
            while (!mine.done) {
                List<Pending> batch = lane.drain();
                if (batch.isEmpty()) {
                    // only a writer that failed unexpectedly can have drained this entry without completing it
                    mine.fail(new IllegalStateException("The journal entry " + entry.stepKey() + " of run "
                            + lease.runId() + " was taken by a batch that did not complete"));
                    break;
                }
                writeBatch(batch);
            }
        } finally {
            lane.writer.unlock();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    private Lane shortest() {
        Lane shortest = lanes[0];
        for (Lane lane : lanes) {
            if (lane.queue.size() < shortest.queue.size()) {
                shortest = lane;
            }
        }
        return shortest;
    }

    /** One writer and the entries waiting for it. */
    static final class Lane {

        /** Entries waiting for a commit. */
        final Queue<Pending> queue = new ConcurrentLinkedQueue<>();
        /** Held by the thread that writes this lane's batch. */
        final ReentrantLock writer = new ReentrantLock();

        List<Pending> drain() {
            List<Pending> batch = new ArrayList<>();
            for (Pending next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            return batch;
        }
    }

    /** Writes a batch and completes each of its entries, whatever happens. */
    private void writeBatch(List<Pending> batch) {
        try {
            commit(batch);
        } catch (RuntimeException | Error e) {
            batch.stream().filter(p -> !p.done).forEach(p -> p.fail(e instanceof Exception ex ? ex
                    : new IllegalStateException("writing a batch of journal entries failed", e)));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    private void commit(List<Pending> batch) {
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
