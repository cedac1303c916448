package io.durable.cdi.internal.sync;

import io.durable.sync.CursorPaging;
import io.durable.sync.OffsetPaging;
import io.durable.sync.Page;
import io.durable.sync.PaginationResult;
import io.durable.sync.SyncContext;
import io.durable.sync.SyncSpec;

import java.util.List;
import java.util.Map;

/** What durable and plain syncs share: the run, its counters and its lock. */
abstract class SyncRun implements SyncContext {

    final DefaultSyncs syncs;
    final String runId;
    final SyncSpec spec;
    final String lock;

    SyncRun(DefaultSyncs syncs, String runId, SyncSpec spec, String lock) {
        this.syncs = syncs;
        this.runId = runId;
        this.spec = spec;
        this.lock = lock;
    }

    @Override
    public String runId() {
        return runId;
    }

    @Override
    public SyncSpec spec() {
        return spec;
    }

    @Override
    public void count(String name, long delta) {
        syncs.tracker.incrementRunOutput(runId, Map.of(name, delta));
    }

    /** Adds several counters in one store call (nothing when all are 0). */
    void count(Map<String, Long> increments) {
        Map<String, Long> nonZero = new java.util.LinkedHashMap<>();
        increments.forEach((name, value) -> {
            if (value != 0) {
                nonZero.put(name, value);
            }
        });
        if (!nonZero.isEmpty()) {
            syncs.tracker.incrementRunOutput(runId, nonZero);
        }
    }

    @Override
    public Map<String, Long> counters() {
        return syncs.tracker.run(runId).orElseThrow().counters();
    }

    /**
     * Offset pagination is cursor pagination whose cursor is the offset: a page shorter than the
     * limit is the last.
     */
    @Override
    public final <T> PaginationResult paginate(OffsetPaging<T> paging) {
        return paginate(new CursorPaging<>(paging.name(), paging.itemType(), Long.toString(paging.startOffset()),
                paging.retry(), cursor -> {
                    long offset = Long.parseLong(cursor);
                    List<T> items = paging.fetch().items(offset, paging.limit());
                    return new Page<>(items, items.size() < paging.limit() ? null : Long.toString(offset + items.size()));
                }, paging.process()));
    }

    @Override
    public void renewLock() {
        syncs.renew(lock, runId, spec.lockTtl());
    }
}
