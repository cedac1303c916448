package io.durable.sync;

import java.util.Map;

/**
 * A sync ended; observe {@link SyncCompleted} or {@link SyncFailed} (or this type for both) with
 * CDI. Fired in the transaction that records the end, so {@code @Observes(during = AFTER_SUCCESS)}
 * sees only ends that were stored; a crash between the event and the commit repeats it (at least
 * once).
 */
public sealed interface SyncEvent permits SyncCompleted, SyncFailed {

    /**
     * The tracked run.
     *
     * @return its id
     */
    String runId();

    /**
     * The run type.
     *
     * @return the type
     */
    String runType();

    /**
     * The synced resource.
     *
     * @return the resource
     */
    String resource();

    /**
     * The counters at the end.
     *
     * @return the counters by name
     */
    Map<String, Long> counters();
}
