package io.durable.api;

/** Where an approval stands. Only PENDING changes, once, to one of the others. */
public enum ApprovalStatus {
    /** Requested by the workflow, not decided yet. */
    PENDING,
    /** Approved by an actor. */
    APPROVED,
    /** Rejected by an actor. */
    REJECTED,
    /** Nobody decided before it expired. */
    EXPIRED;

    /**
     * Whether it has been decided (or expired).
     *
     * @return {@code true} for every status but PENDING
     */
    public boolean isDecided() {
        return this != PENDING;
    }
}
