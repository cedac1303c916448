package io.durable.sync;

import java.util.List;
import java.util.Map;

/**
 * What the body of a sync works with: its tracked run, counters, time budget and lock, and the
 * durable pagination and batch helpers. In a durable sync (started from workflow code) every page
 * and batch is a journaled step, so a crash resumes at the next page; in a plain sync they run
 * directly.
 */
public interface SyncContext {

    /**
     * The sync's tracked run (in a durable sync, the workflow run's id).
     *
     * @return the run id
     */
    String runId();

    /**
     * The sync's spec.
     *
     * @return the spec
     */
    SyncSpec spec();

    /**
     * Whether the sync runs as part of a durable workflow.
     *
     * @return {@code true} in workflow code
     */
    boolean durable();

    /**
     * Adds to the run's counters, atomically. Inside a page's or batch's step it commits with the step,
     * so a page processed once is counted once.
     *
     * @param name  the counter
     * @param delta the amount
     */
    void count(String name, long delta);

    /**
     * Counts an upsert's result under its counter ({@code inserted}, {@code updated}, {@code unchanged}).
     *
     * @param result the result
     */
    default void count(UpsertResult result) {
        count(result.counter(), 1);
    }

    /**
     * The run's counters as stored now.
     *
     * @return the counters by name
     */
    Map<String, Long> counters();

    /**
     * Whether this slice's budget ({@link SyncSpec#sliceBudget()}) is used up.
     *
     * @return {@code true} once the slice ran that long
     */
    boolean outOfTime();

    /**
     * Ends this slice of a durable sync: the run parks and resumes at once in a fresh slice (a new
     * thread, new transactions, a new budget), replaying its journal up to here.
     *
     * @throws io.durable.api.WorkflowUsageException in a plain sync, which has no slices
     */
    void newSlice();

    /**
     * Extends the sync's lock on its resource by its TTL (pages do it on their own).
     *
     * @throws LockLostException when another holder took it
     */
    void renewLock();

    /**
     * Fetches and processes every page of a cursor-paginated source. In a durable sync each fetch is a
     * step with the paging's retry policy and each page's processing a transactional step; when the
     * slice's budget is used up it continues in a new slice.
     *
     * @param paging the source and the processing
     * @param <T>    the item type
     * @return how far it got ({@code done} unless a plain sync ran out of time)
     */
    <T> PaginationResult paginate(CursorPaging<T> paging);

    /**
     * Fetches and processes every page of an offset-paginated source, as {@link #paginate(CursorPaging)}.
     *
     * @param paging the source and the processing
     * @param <T>    the item type
     * @return how far it got
     */
    <T> PaginationResult paginate(OffsetPaging<T> paging);

    /**
     * Processes items in batches from {@code startAt}; in a durable sync each batch is a transactional
     * step. The time budget is checked between batches (and, in a plain sync, between items).
     * Item failures are counted ({@code succeeded} / {@code failed} counters and the result).
     *
     * @param name      names the batch steps, as in {@link CursorPaging}
     * @param items     the items (the same list on every replay)
     * @param startAt   the first index
     * @param batchSize items per batch
     * @param handler   processes one item
     * @param <T>       the item type
     * @return what was done; {@code allDone} is {@code false} when the budget ran out
     */
    <T> BatchResult processBatches(String name, List<T> items, int startAt, int batchSize, ItemHandler<T> handler);
}
