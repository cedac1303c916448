package io.durable.cdi.internal.sync;

import io.durable.api.WorkflowUsageException;
import io.durable.sync.BatchResult;
import io.durable.sync.Batches;
import io.durable.sync.CursorPaging;
import io.durable.sync.ItemHandler;
import io.durable.sync.Page;
import io.durable.sync.PaginationResult;
import io.durable.sync.SyncSpec;
import io.durable.track.StepSpec;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A sync outside workflow code: fetches retried on this thread, each page or batch processed in a
 * transaction of its own and tracked as a step; when the budget is used up it stops and reports
 * where to continue.
 */
final class PlainSyncRun extends SyncRun {

    private final Instant started;

    PlainSyncRun(DefaultSyncs syncs, String runId, SyncSpec spec, String lock) {
        super(syncs, runId, spec, lock);
        this.started = syncs.clock().instant();
    }

    @Override
    public boolean durable() {
        return false;
    }

    @Override
    public boolean outOfTime() {
        return !syncs.clock().instant().isBefore(started.plus(spec.sliceBudget()));
    }

    @Override
    public void newSlice() {
        throw new WorkflowUsageException("A plain sync has no slices; run it from a workflow to continue in a new "
                + "slice, or continue from the result's position in a later sync");
    }

    @Override
    public <T> PaginationResult paginate(CursorPaging<T> paging) {
        String cursor = paging.startCursor();
        int pages = 0;
        long items = 0;
        while (true) {
            if (outOfTime()) {
                return new PaginationResult(pages, items, false, cursor);
            }
            Page<T> page = page(paging, cursor);
            pages++;
            items += page.items().size();
            if (!page.hasNext()) {
                return new PaginationResult(pages, items, true, null);
            }
            cursor = page.nextCursor();
        }
    }

    /** Fetches and processes one page as a tracked step, the processing in its own transaction. */
    private <T> Page<T> page(CursorPaging<T> paging, String cursor) {
        return syncs.tracker.executeStep(runId, StepSpec.of(paging.name() + ".page"), stepId -> {
            try {
                Page<T> page = syncs.withRetries(paging.name() + " fetch", paging.retry(),
                        () -> paging.fetch().page(cursor));
                syncs.inTransaction(() -> {
                    paging.process().handle(page.items(), this);
                    count(Map.of("fetched", (long) page.items().size(), "pages", 1L));
                    return null;
                });
                renewLock();
                return page;
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(paging.name() + " page failed: " + e, e);
            }
        });
    }

    @Override
    public <T> BatchResult processBatches(String name, List<T> items, int startAt, int batchSize, ItemHandler<T> handler) {
        BatchResult result = Batches.process(items, startAt, batchSize, this::outOfTime, handler, batch -> count(
                Map.of("succeeded", (long) batch.succeeded(), "failed", (long) batch.failed())));
        renewLock();
        return result;
    }
}
