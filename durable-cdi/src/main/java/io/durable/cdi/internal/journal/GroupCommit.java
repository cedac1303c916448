package io.durable.cdi.internal.journal;

import io.durable.api.LeaseLostException;
import io.durable.api.StepInfo;
import io.durable.api.StoreException;
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
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes the journal entries of plain steps of all runs executing on this node in shared writes
 * ({@link WorkflowStore#appendStepsCommitted}: on PostgreSQL one auto-committed statement): one commit
 * for the entries that arrived while the previous commit was under way.
 *
 * <p>No thread of its own and no timer. There are {@code durable.engine.journal-lanes} lanes (none by
 * default: then {@link JournalWriter} writes each entry in a transaction of its own), each a writer's
 * lock and a queue. A step's thread that finds a lane free writes its entry there at once, so a lone
 * run waits for nothing and a few concurrent runs write side by side. When every lane is writing,
 * the thread queues its entry on the shortest lane and parks. Whoever holds a lane's lock writes
 * everything queued there (its own entry among them) in one write, completes each entry and wakes its
 * thread; leaving the lane, it wakes the thread of the oldest entry still queued, which takes the lock
 * and writes the next batch. So under load each commit carries what arrived during the one before,
 * and a waiting thread is woken once, by its own entry's completion (no queue of threads passing the
 * lock along only to find their entries written). Each step returns only after its own entry is
 * durable, as before.
 *
 * <p>An entry whose lease is lost fails only its own step. When the shared write is refused as a
 * whole (a duplicate key, which fails a multi-row statement and dooms a transaction on PostgreSQL),
 * each entry of the batch is written again on its own ({@link WorkflowStore#appendStepCommitted}), so
 * the refusal reaches only the step it belongs to. A failure that passes (a {@link StoreException} or
 * a transient database failure: a dropped connection, after which the batch may have committed
 * unseen) reaches every entry, and each
 * step's own retry ({@link JournalWriter}) writes it again or finds it written.
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
        Pending mine = new Pending(new LeasedStep(lease, entry), Thread.currentThread());
        Lane free = null;
        for (Lane candidate : lanes) {
            if (candidate.writer.tryLock()) {
                free = candidate;
                break;
            }
        }
        if (free != null) {
            free.queue.add(mine);
            lead(free, mine);
        } else {
            Lane lane = shortest();
            lane.queue.add(mine);
            boolean interrupted = false;
            while (!mine.done) {
                if (lane.writer.tryLock()) {
                    lead(lane, mine);
                } else {
                    // woken when a batch completes this entry, or when a writer leaves its lane to it;
                    // an interrupt does not end the wait (the entry may be being written), it is kept
                    LockSupport.park(this);
                    interrupted |= Thread.interrupted();
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
    }

    /** Writes the lane's queue, holding its lock, until {@code mine} is done; then leaves the lane. */
    private void lead(Lane lane, Pending mine) {
        try {
            while (!mine.done) {
                List<Pending> batch = lane.drain();
                if (batch.isEmpty()) {
                    // only a writer that failed unexpectedly can have drained this entry without completing it
                    mine.fail(new IllegalStateException("The journal entry " + mine.entry.step().stepKey()
                            + " of run " + mine.entry.lease().runId() + " was taken by a batch that did not complete"));
                    break;
                }
                writeBatch(batch);
            }
        } finally {
            lane.release();
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

        /**
         * Unlocks the lane and wakes the thread of the oldest entry still queued, which then writes the
         * queue (or finds that another writer took the lane, and waits again).
         */
        void release() {
            writer.unlock();
            Pending next = queue.peek();
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }

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
        if (batch.size() == 1) {
            writeAlone(batch.get(0));
            return;
        }
        List<LeasedStep> entries = batch.stream().map(p -> p.entry).toList();
        boolean[] written;
        try {
            written = store.appendStepsCommitted(entries, transactions);
        } catch (Exception e) {
            if (JournalWriter.transientStoreFailure(e)) {
                // the database's failure, which passes (a dropped connection): the batch may have committed
                // with the answer lost, so each step's own retry tries again and recognises its entry
                batch.forEach(pending -> pending.fail(e));
            } else {
                // refused: nothing of the batch is written, and each entry alone tells whose the refusal was
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
            store.appendStepCommitted(pending.entry.lease(), pending.entry.step(), transactions);
            pending.complete();
        } catch (Exception e) {
            pending.fail(e);
        }
    }

    /**
     * An entry waiting for its commit, with the thread that waits for it. Completed by the lane's
     * writer, which wakes that thread; {@code failure} is written before {@code done}.
     */
    static final class Pending {

        final LeasedStep entry;
        final Thread thread;
        volatile boolean done;
        Exception failure;

        Pending(LeasedStep entry, Thread thread) {
            this.entry = entry;
            this.thread = thread;
        }

        void complete() {
            done = true;
            wake();
        }

        void fail(Exception e) {
            failure = e;
            done = true;
            wake();
        }

        private void wake() {
            if (thread != Thread.currentThread()) {
                LockSupport.unpark(thread);
            }
        }
    }
}
