package io.durable.sync;

import java.util.Map;

/**
 * A sync finished.
 *
 * @param runId    the tracked run
 * @param runType  the run type
 * @param resource the resource
 * @param counters the counters at the end
 */
public record SyncCompleted(String runId, String runType, String resource, Map<String, Long> counters)
        implements SyncEvent {

    /** Copies the counters. */
    public SyncCompleted {
        counters = Map.copyOf(counters);
    }
}
