package io.durable.api;

import java.time.Instant;
import java.util.Objects;

/**
 * An approval a run asked for with {@link DurableContext#awaitApproval}: pending, or decided by an
 * actor (with a reason), or expired. The decision a workflow receives is journaled, so a replay
 * sees the same decision.
 *
 * @param runId        the run that asked
 * @param workflowName its workflow
 * @param key          the approval's key, unique within the run
 * @param status       where it stands
 * @param requestedAt  when the run asked
 * @param expiresAt    when it expires undecided
 * @param actor        who decided, or {@code null}
 * @param reason       why, or {@code null}
 * @param decidedAt    when it was decided or expired, or {@code null}
 */
public record Approval(RunId runId, String workflowName, String key, ApprovalStatus status, Instant requestedAt,
                       Instant expiresAt, String actor, String reason, Instant decidedAt) {

    /** Validates the mandatory fields. */
    public Approval {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(status, "status");
    }

    /**
     * Whether an actor approved it.
     *
     * @return {@code true} only for APPROVED
     */
    public boolean approved() {
        return status == ApprovalStatus.APPROVED;
    }
}
