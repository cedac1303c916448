package io.durable.track;

/**
 * Where a tracked run, step or call stands. PENDING becomes RUNNING, RUNNING becomes COMPLETED or
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
