package io.durable.sync;

import java.util.Map;

/**
 * What a finished sync reports.
 *
 * @param runId    its tracked run
 * @param resource the synced resource
 * @param counters its output counters at the end
 * @param value    what the sync's body returned
 * @param <T>      the body's result type
 */
public record SyncResult<T>(String runId, String resource, Map<String, Long> counters, T value) {

    /** Copies the counters. */
    public SyncResult {
        counters = Map.copyOf(counters);
    }
}
