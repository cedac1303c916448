package io.durable.cdi.internal.journal;

import io.durable.api.StoreException;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes of one kind from many threads, shared: each of a few lanes is a writer's lock and a queue. A
 * thread that finds a lane free writes its item there at once (a batch of one), so a lone caller waits
 * for nothing. When every lane is writing, the thread queues its item on the shortest lane and parks.
 * Whoever holds a lane's lock writes everything queued there (its own item among them) in one write,
 * completes each item and wakes its thread; leaving the lane, it wakes the thread of the oldest item
 * still queued, which takes the lock and writes the next batch. No thread of its own and no timer: a
 * batch closes when its writer is free, and under load each write carries what arrived during the one
 * before. A waiting thread is woken by its own item's completion, not by a lock passed along.
 *
 * <p>What fails stays with its own item, and no item makes the lane wait for it: an item the batch
 * did not write (its lease is lost, or its run's row was locked and skipped), and every item of a batch
 * refused as a whole (nothing of it written), is written alone by its own thread after the lane's writer
 * has handed it back, so a refusal or a wait for a lock reaches only the item it belongs to. A failure
 * that passes ({@link JournalWriter#transientStoreFailure}:
 * after it the batch may have committed unseen) reaches every item, for each caller's own retry.
 *
 * @param <T> the item written
 * @param <R> what writing it returns
 */
final class SharedWrites<T, R> {

    /** Items written in one write at most. */
    static final int MAX_BATCH = 256;

    /** How the items are written. */
    interface Writer<T, R> {

        /** Writes one item alone and returns what the write returned; throws as the store does. */
        R alone(T item) throws Exception;

        /**
         * Writes several items in one write, all or nothing when it throws.
         *
         * @return for each item, in order, what its write returned, or {@code null} when it was not
         *     written (it is then written alone, which tells why not)
         */
        List<R> together(List<T> items) throws Exception;

        /** The item in a few words, for messages: no payloads. */
        String describe(T item);
    }

    private final Writer<T, R> writer;
    /** The lanes; none when writes are not shared. */
    final List<Lane<T>> lanes;

    SharedWrites(int lanes, Writer<T, R> writer) {
        this.writer = writer;
        List<Lane<T>> created = new ArrayList<>(lanes);
        for (int i = 0; i < lanes; i++) {
            created.add(new Lane<>());
        }
        this.lanes = List.copyOf(created);
    }

    /** Whether writes are shared (at least one lane). */
    boolean enabled() {
        return !lanes.isEmpty();
    }

    /**
     * Writes the item, alone when a lane is free, else with the items queued on a lane, and returns
     * once it is written.
     *
     * @return what its write returned
     * @throws Exception the item's failure, as {@link Writer} threw it
     */
    R write(T item) throws Exception {
        if (!enabled()) {
            return writer.alone(item);
        }
        Pending<T> mine = new Pending<>(item, Thread.currentThread());
        Lane<T> free = null;
        for (Lane<T> candidate : lanes) {
            if (candidate.writer.tryLock()) {
                free = candidate;
                break;
            }
        }
        if (free != null) {
            free.queue.add(mine);
            lead(free, mine);
        } else {
            Lane<T> lane = shortest();
            lane.queue.add(mine);
            boolean interrupted = false;
            while (!mine.done) {
                if (lane.writer.tryLock()) {
                    lead(lane, mine);
                } else {
                    // woken when a batch completes this item, or when a writer leaves its lane to it;
                    // an interrupt does not end the wait (the item may be being written), it is kept
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
        if (mine.alone) {
            return writer.alone(item);
        }
        @SuppressWarnings("unchecked")
        R result = (R) mine.result;
        return result;
    }

    /** Writes the lane's queue, holding its lock, until {@code mine} is done; then leaves the lane. */
    private void lead(Lane<T> lane, Pending<T> mine) {
        try {
            while (!mine.done) {
                List<Pending<T>> batch = lane.drain();
                if (batch.isEmpty()) {
                    // only a writer that failed unexpectedly can have drained this item without completing it
                    mine.fail(new IllegalStateException("The write of " + writer.describe(mine.item)
                            + " was taken by a batch that did not complete"));
                    break;
                }
                writeBatch(batch);
            }
        } finally {
            if (!mine.done && lane.queue.remove(mine)) {
                // left by a write that threw an Error: no writer may take it up after its caller has gone
                mine.fail(new IllegalStateException("The write of " + writer.describe(mine.item)
                        + " was left by a failed batch"));
            }
            lane.release();
        }
    }

    private Lane<T> shortest() {
        Lane<T> shortest = lanes.get(0);
        for (Lane<T> lane : lanes) {
            if (lane.queue.size() < shortest.queue.size()) {
                shortest = lane;
            }
        }
        return shortest;
    }

    /** Writes a batch and completes each of its items, whatever happens. */
    private void writeBatch(List<Pending<T>> batch) {
        try {
            commit(batch);
        } catch (RuntimeException | Error e) {
            batch.stream().filter(p -> !p.done).forEach(p -> p.fail(e instanceof Exception ex ? ex
                    : new IllegalStateException("a shared write failed", e)));
            if (e instanceof Error error) {
                throw error;
            }
        }
    }

    /**
     * Writes the batch with {@link Writer#together}, a batch of one too: the lane stays busy while it is
     * written, so what arrives meanwhile queues for the next write instead of finding the lane free.
     */
    private void commit(List<Pending<T>> batch) {
        List<R> written;
        try {
            written = writer.together(batch.stream().map(p -> p.item).toList());
        } catch (Exception e) {
            if (JournalWriter.transientStoreFailure(e)) {
                // the database's failure, which passes (a dropped connection): the batch may have committed
                // with the answer lost, so each caller's own retry tries again and recognises its write
                batch.forEach(pending -> pending.fail(new StoreException("writing " + writer.describe(pending.item)
                        + " in a write shared with " + (batch.size() - 1) + " others", e)));
            } else {
                // refused: nothing of the batch is written, and each item alone tells whose the refusal was
                batch.forEach(Pending::handBack);
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            Pending<T> pending = batch.get(i);
            R result = written.get(i);
            if (result != null) {
                pending.complete(result);
            } else {
                pending.handBack();
            }
        }
    }

    /** One writer and the items waiting for it. */
    static final class Lane<T> {

        /** Items waiting for a write. */
        final Queue<Pending<T>> queue = new ConcurrentLinkedQueue<>();
        /** Held by the thread that writes this lane's batch. */
        final ReentrantLock writer = new ReentrantLock();

        List<Pending<T>> drain() {
            // sized up front: nothing polled may be lost to a failure while the list grows
            List<Pending<T>> batch = new ArrayList<>(MAX_BATCH);
            for (Pending<T> next; batch.size() < MAX_BATCH && (next = queue.poll()) != null; ) {
                batch.add(next);
            }
            return batch;
        }

        /**
         * Unlocks the lane and wakes the thread of the oldest item still queued, which then writes the
         * queue (or finds that another writer took the lane, and waits again).
         */
        void release() {
            writer.unlock();
            Pending<T> next = queue.peek();
            if (next != null) {
                LockSupport.unpark(next.thread);
            }
        }
    }

    /**
     * An item waiting for its write, with the thread that waits for it. Completed, failed or handed back
     * (to be written alone by that thread) by the lane's writer, which wakes that thread;
     * {@code failure}, {@code alone} and {@code result} are written before {@code done}.
     */
    static final class Pending<T> {

        final T item;
        final Thread thread;
        volatile boolean done;
        Exception failure;
        boolean alone;
        Object result;

        Pending(T item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        void complete(Object written) {
            result = written;
            done = true;
            wake();
        }

        void fail(Exception e) {
            failure = e;
            done = true;
            wake();
        }

        void handBack() {
            alone = true;
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
