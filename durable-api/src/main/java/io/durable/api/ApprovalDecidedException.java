package io.durable.api;

/** The approval was decided already (or expired); the first decision stands. */
public class ApprovalDecidedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final transient Approval existing;

    /**
     * Creates the exception.
     *
     * @param existing the approval as decided
     */
    public ApprovalDecidedException(Approval existing) {
        super("Approval '" + existing.key() + "' of run " + existing.runId() + " is " + existing.status()
                + (existing.actor() == null ? "" : " by " + existing.actor())
                + (existing.decidedAt() == null ? "" : " at " + existing.decidedAt())
                + "; the first decision stands");
        this.existing = existing;
    }

    /** @return the approval as decided */
    public Approval existing() {
        return existing;
    }
}
