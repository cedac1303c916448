package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import io.durable.api.RunInfo;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The ends of runs that finished on this node a moment ago, for a caller that awaits a run after it
 * already ended (it started the run, then lost its core while the run executed). Only terminal ends
 * are kept: a COMPLETED, FAILED or CANCELLED run never changes again, so an end kept here is never
 * stale. Bounded in count, in characters of JSON and error text, and in age; what is not here is
 * read from the store, as before.
 */
final class RecentOutcomes {

    private final int maxRuns;
    private final long maxChars;
    private final long keepNanos;
    private final LongSupplier nanoTime;
    private final LinkedHashMap<RunId, Entry> entries = new LinkedHashMap<>();
    private long chars;

    private record Entry(RunInfo run, long keptAt, long chars) {
    }

    /**
     * @param maxRuns   at most this many ends are kept, the oldest dropped first
     * @param maxChars  at most this many characters of input, output and error in all, the oldest
     *                  dropped first; a larger end is not kept
     * @param keepNanos how long an end is kept, in ns
     * @param nanoTime  the monotonic time source, in ns ({@code System::nanoTime} outside tests)
     */
    RecentOutcomes(int maxRuns, long maxChars, long keepNanos, LongSupplier nanoTime) {
        this.maxRuns = maxRuns;
        this.maxChars = maxChars;
        this.keepNanos = keepNanos;
        this.nanoTime = nanoTime;
    }

    /** Keeps a run's end, when it is terminal and small enough. */
    synchronized void ended(RunInfo run) {
        if (run == null || !run.status().isTerminal()) {
            return;
        }
        long size = length(run.inputJson()) + length(run.outputJson()) + length(run.error());
        if (size > maxChars) {
            return;
        }
        Entry old = entries.remove(run.id());
        if (old != null) {
            chars -= old.chars();
        }
        entries.put(run.id(), new Entry(run, nanoTime.getAsLong(), size));
        chars += size;
        trim();
    }

    /**
     * The run's end, when it ended here within the keeping time.
     *
     * @param runId the run
     * @return its terminal end, or {@code null}
     */
    synchronized RunInfo get(RunId runId) {
        trim();
        Entry entry = entries.get(runId);
        return entry == null ? null : entry.run();
    }

    /** How many ends are kept now. */
    synchronized int size() {
        trim();
        return entries.size();
    }

    private void trim() {
        long now = nanoTime.getAsLong();
        Iterator<Map.Entry<RunId, Entry>> oldest = entries.entrySet().iterator();
        while (oldest.hasNext()) {
            Entry entry = oldest.next().getValue();
            if (entries.size() <= maxRuns && chars <= maxChars && now - entry.keptAt() < keepNanos) {
                return;
            }
            oldest.remove();
            chars -= entry.chars();
        }
    }

    private static long length(String text) {
        return text == null ? 0 : text.length();
    }
}
