package io.durable.api;

import java.util.EnumSet;
import java.util.Set;

/**
 * The status of a run. Every transition the engine makes is checked here, in one place.
 *
 * <pre>
 * PENDING -&gt; RUNNING -&gt; COMPLETED | FAILED | CONTINUED
 * RUNNING -&gt; RUNNING   (another node takes over after the lease expired)
 * RUNNING &lt;-&gt; SUSPENDED
 * RUNNING -&gt; COMPENSATING -&gt; FAILED   (saga: compensations run in reverse order)
 * COMPENSATING -&gt; COMPENSATING         (another node takes over the compensating)
 * RUNNING | COMPENSATING -&gt; BLOCKED -&gt; PENDING   (retried by an operator or a new deployment)
 * any non-terminal -&gt; CANCELLED
 * </pre>
 *
 * <p>An enum is a closed set: a {@code switch} over it is checked for exhaustiveness.
 */
public enum RunStatus {
    /** Stored, waiting for a node with a free execution slot. */
    PENDING,
    /** Claimed by a node under a lease and executing. */
    RUNNING,
    /** Parked: waiting for a time, a signal or a child, holding no thread. */
    SUSPENDED,
    /**
     * Stopped until its code or an operator changes something: its code no longer fits its journal
     * (non-determinism) or its version, or it failed its recovery attempts for reasons that are not the
     * database's (its workflow is not deployed where it was claimed, its input cannot be read, the
     * engine failed replaying it). The error says why. It holds no lease and no sweep claims it;
     * {@code WorkflowEngine.retry} (or the next start of an application that has its workflow) makes
     * it PENDING again, {@code cancel} ends it.
     */
    BLOCKED,
    /** Finished; the output is stored. */
    COMPLETED,
    /** Finished with an error; the error is stored. */
    FAILED,
    /** Stopped for good by an operator or a parent. */
    CANCELLED,
    /** The workflow failed and the compensations of its completed steps are running, newest first. */
    COMPENSATING,
    /** Finished by continuing as a new run of the same instance id, with fresh history. */
    CONTINUED;

    /**
     * Whether the run has finished and will never execute again.
     *
     * @return {@code true} for COMPLETED, FAILED, CANCELLED and CONTINUED
     */
    public boolean isTerminal() {
        return this == COMPLETED || this == FAILED || this == CANCELLED || this == CONTINUED;
    }

    /**
     * Whether a node holds the run under a lease in this status (it executes or compensates).
     *
     * @return {@code true} for RUNNING and COMPENSATING
     */
    public boolean isLeased() {
        return this == RUNNING || this == COMPENSATING;
    }

    /**
     * Whether a run in this status may move to {@code next}.
     *
     * @param next the proposed status
     * @return {@code true} when the transition is legal
     */
    public boolean canTransitionTo(RunStatus next) {
        return successors().contains(next);
    }

    /**
     * Throws when the transition from this status to {@code next} is illegal.
     *
     * @param runId the run, named in the message
     * @param next  the proposed status
     * @throws IllegalTransitionException when the transition is not allowed
     */
    public void checkTransition(String runId, RunStatus next) {
        if (!canTransitionTo(next)) {
            throw new IllegalTransitionException(runId, this, next);
        }
    }

    private Set<RunStatus> successors() {
        return switch (this) {
            case PENDING -> EnumSet.of(RUNNING, CANCELLED);
            case RUNNING -> EnumSet.of(RUNNING, SUSPENDED, COMPENSATING, COMPLETED, FAILED, CANCELLED, CONTINUED, BLOCKED);
            case SUSPENDED -> EnumSet.of(RUNNING, CANCELLED);
            case COMPENSATING -> EnumSet.of(COMPENSATING, FAILED, CANCELLED, BLOCKED);
            case BLOCKED -> EnumSet.of(PENDING, CANCELLED);
            case COMPLETED, FAILED, CANCELLED, CONTINUED -> EnumSet.noneOf(RunStatus.class);
        };
    }
}
