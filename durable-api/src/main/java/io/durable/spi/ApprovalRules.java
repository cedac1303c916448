package io.durable.spi;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalStatus;

import java.time.Instant;

/** The rules of deciding an approval, shared by every store: the first decision stands. */
public final class ApprovalRules {

    private ApprovalRules() {
    }

    /**
     * The approval once decided.
     *
     * @param current  the approval as stored
     * @param decision APPROVED, REJECTED or EXPIRED
     * @param actor    who decided
     * @param reason   why
     * @param now      the current time
     * @return the decided approval
     * @throws ApprovalDecidedException when it was decided already, or an actor decides after it expired
     * @throws IllegalArgumentException when the decision is PENDING, or EXPIRED before the expiry
     */
    public static Approval decide(Approval current, ApprovalStatus decision, String actor, String reason, Instant now) {
        if (decision == ApprovalStatus.PENDING) {
            throw new IllegalArgumentException("PENDING is not a decision");
        }
        if (current.status().isDecided()) {
            throw new ApprovalDecidedException(current);
        }
        boolean expired = !now.isBefore(current.expiresAt());
        if (decision == ApprovalStatus.EXPIRED && !expired) {
            throw new IllegalArgumentException("Approval '" + current.key() + "' of run " + current.runId()
                    + " expires at " + current.expiresAt() + ", not yet");
        }
        if (decision != ApprovalStatus.EXPIRED && expired) {
            throw new ApprovalDecidedException(new Approval(current.runId(), current.workflowName(), current.key(),
                    ApprovalStatus.EXPIRED, current.requestedAt(), current.expiresAt(), null, null,
                    current.expiresAt()));
        }
        return new Approval(current.runId(), current.workflowName(), current.key(), decision, current.requestedAt(),
                current.expiresAt(), actor, reason, now);
    }
}
