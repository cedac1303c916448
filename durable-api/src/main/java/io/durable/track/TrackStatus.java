package io.durable.track;

/**
 * Where a tracked step or call stands (a run's status is its {@link io.durable.api.RunStatus}; a
 * journaled step's RETRYING reads RUNNING here). PENDING becomes RUNNING, RUNNING becomes COMPLETED or
 * FAILED; a PENDING one may also end at once (finished or failed without being started).
 */
public enum TrackStatus {
    /** Created, not started. */
    PENDING,
    /** Started, not finished. */
    RUNNING,
    /** Finished successfully. */
    COMPLETED,
    /** Finished with an error. */
    FAILED;

    /**
     * Whether nothing more happens to it.
     *
     * @return {@code true} for COMPLETED and FAILED
     */
    public boolean isComplete() {
        return this == COMPLETED || this == FAILED;
    }
}
