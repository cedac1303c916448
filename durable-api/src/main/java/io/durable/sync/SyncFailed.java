package io.durable.sync;

import java.util.Map;

/**
 * A sync failed; its lock was released.
 *
 * @param runId    the tracked run
 * @param runType  the run type
 * @param resource the resource
 * @param error    what went wrong
 * @param counters the counters when it failed
 */
public record SyncFailed(String runId, String runType, String resource, String error, Map<String, Long> counters)
        implements SyncEvent {

    /** Copies the counters. */
    public SyncFailed {
        counters = Map.copyOf(counters);
    }
}
