package io.durable.cdi.internal.sync;

import io.durable.api.DurableContext;
import io.durable.api.StepOptions;
import io.durable.cdi.internal.json.JsonTypes;
import io.durable.sync.BatchResult;
import io.durable.sync.Batches;
import io.durable.sync.CursorPaging;
import io.durable.sync.ItemHandler;
import io.durable.sync.Page;
import io.durable.sync.PageHandler;
import io.durable.sync.PaginationResult;
import io.durable.sync.SyncSpec;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Map;

/**
 * A sync inside workflow code: every fetch is a step with the paging's retry policy, every page's
 * processing and every batch a transactional step (its writes, counters and journal entry commit
 * together), and a new slice begins between pages or batches once the budget is used up.
 */
final class DurableSyncRun extends SyncRun {

    private final DurableContext ctx;

    DurableSyncRun(DefaultSyncs syncs, String runId, SyncSpec spec, String lock) {
        super(syncs, runId, spec, lock);
        this.ctx = syncs.ctx;
    }

    @Override
    public boolean durable() {
        return true;
    }

    @Override
    public boolean outOfTime() {
        return ctx.sliceExceeded(spec.sliceBudget());
    }

    @Override
    public void newSlice() {
        ctx.newSlice();
    }

    @Override
    public <T> PaginationResult paginate(CursorPaging<T> paging) {
        Type pageType = JsonTypes.parameterized(Page.class, paging.itemType());
        String cursor = paging.startCursor();
        int pages = 0;
        long items = 0;
        while (true) {
            sliceIfDue();
            String at = cursor;
            Page<T> page = ctx.step(paging.name() + ".fetch", pageType, StepOptions.retrying(paging.retry()),
                    () -> paging.fetch().page(at));
            process(paging.name(), page.items(), paging.process());
            pages++;
            items += page.items().size();
            if (!page.hasNext()) {
                return new PaginationResult(pages, items, true, null);
            }
            cursor = page.nextCursor();
        }
    }

    private <T> void process(String name, List<T> items, PageHandler<T> handler) {
        ctx.step(name + ".process", Void.class, StepOptions.TRANSACTIONAL, () -> {
            handler.handle(items, this);
            count(Map.of("fetched", (long) items.size(), "pages", 1L));
            renewLock();
            return null;
        });
    }

    private void sliceIfDue() {
        if (ctx.sliceExceeded(spec.sliceBudget())) {
            ctx.newSlice();
        }
    }

    @Override
    public <T> BatchResult processBatches(String name, List<T> items, int startAt, int batchSize, ItemHandler<T> handler) {
        BatchResult total = new BatchResult(startAt, 0, 0, 0, startAt == items.size(), List.of());
        Batches.checkArguments(items, startAt, batchSize);
        int next = startAt;
        while (next < items.size()) {
            if (next > startAt && ctx.sliceExceeded(spec.sliceBudget())) {
                return total; // the caller starts a new slice and continues from total.nextIndex()
            }
            int from = next;
            int to = Math.min(items.size(), next + batchSize);
            BatchResult batch = ctx.step(name + ".batch", BatchResult.class, StepOptions.TRANSACTIONAL, () -> {
                BatchResult done = Batches.batch(items, from, to, () -> false, handler);
                count(Map.of("succeeded", (long) done.succeeded(), "failed", (long) done.failed()));
                renewLock();
                return done;
            });
            total = total.then(batch);
            next = batch.nextIndex();
        }
        return total;
    }
}
