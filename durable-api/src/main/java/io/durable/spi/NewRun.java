package io.durable.spi;

import io.durable.api.Limit;
import io.durable.api.RunId;

import java.time.Instant;
import java.util.Objects;

/**
 * A run to store, in status PENDING.
 *
 * @param id              the run id
 * @param workflowName    the workflow
 * @param workflowVersion the workflow's version
 * @param instanceId      the business key, unique per workflow
 * @param inputJson       the input as JSON, or {@code null}
 * @param createdAt       when it was started
 * @param parentRunId     the parent run, for a child workflow, or {@code null}
 * @param parentStepKey   the key under which the parent waits for it, or {@code null}
 * @param owner           the owner (tenant) it belongs to, empty when the application has none: the
 *                        starting caller's, a child's parent's (a continuation takes its predecessor's
 *                        in the store)
 * @param traceParent     the W3C {@code traceparent} of the trace the run was started in (at most
 *                        {@value #MAX_TRACE_PARENT} characters), or {@code null} when it was started outside
 *                        a trace: its executions are parented to, or linked to, that trace
 */
public record NewRun(RunId id, String workflowName, int workflowVersion, String instanceId, String inputJson,
                     Instant createdAt, RunId parentRunId, String parentStepKey, String owner, String traceParent) {

    /** The longest {@code traceparent} stored: version 00 takes 55 characters, later versions may add fields. */
    public static final int MAX_TRACE_PARENT = 128;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when the instance id is blank
     * @throws io.durable.api.LimitExceededException when the instance id is over {@link Limit#INSTANCE_ID}
     */
    public NewRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(createdAt, "createdAt");
        owner = owner == null ? "" : owner;
        Limit.OWNER.check(owner);
        if (instanceId.isBlank()) {
            throw new IllegalArgumentException("An instance id must not be blank");
        }
        Limit.INSTANCE_ID.check(instanceId);
        if ((parentRunId == null) != (parentStepKey == null)) {
            throw new IllegalArgumentException("A child run needs both its parent run and the parent's step key");
        }
        if (traceParent != null && (traceParent.isBlank() || traceParent.length() > MAX_TRACE_PARENT)) {
            throw new IllegalArgumentException("A run's traceparent must be 1 to " + MAX_TRACE_PARENT
                    + " characters, not " + traceParent.length() + " (run " + id.value() + ")");
        }
    }

    /**
     * A run outside any trace.
     *
     * @param id              the run id
     * @param workflowName    the workflow
     * @param workflowVersion the workflow's version
     * @param instanceId      the business key, unique per workflow
     * @param inputJson       the input as JSON, or {@code null}
     * @param createdAt       when it was started
     * @param parentRunId     the parent run, or {@code null}
     * @param parentStepKey   the parent's step key, or {@code null}
     * @param owner           the owner (tenant), empty when none
     */
    public NewRun(RunId id, String workflowName, int workflowVersion, String instanceId, String inputJson,
                  Instant createdAt, RunId parentRunId, String parentStepKey, String owner) {
        this(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey, owner, null);
    }

    /**
     * A run without an owner.
     *
     * @param id              the run id
     * @param workflowName    the workflow
     * @param workflowVersion the workflow's version
     * @param instanceId      the business key, unique per workflow
     * @param inputJson       the input as JSON, or {@code null}
     * @param createdAt       when it was started
     * @param parentRunId     the parent run, or {@code null}
     * @param parentStepKey   the parent's step key, or {@code null}
     */
    public NewRun(RunId id, String workflowName, int workflowVersion, String instanceId, String inputJson,
                  Instant createdAt, RunId parentRunId, String parentStepKey) {
        this(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey, "", null);
    }

    /**
     * This run under another owner.
     *
     * @param newOwner the owner
     * @return the changed copy
     */
    public NewRun withOwner(String newOwner) {
        return new NewRun(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey,
                newOwner, traceParent);
    }

    /**
     * This run started in another trace.
     *
     * @param newTraceParent the W3C {@code traceparent}, or {@code null} for none
     * @return the changed copy
     * @throws IllegalArgumentException when it is blank or longer than {@value #MAX_TRACE_PARENT} characters
     */
    public NewRun withTraceParent(String newTraceParent) {
        return new NewRun(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey,
                owner, newTraceParent);
    }

    /**
     * A run without a parent.
     *
     * @param id              the run id
     * @param workflowName    the workflow
     * @param workflowVersion the workflow's version
     * @param instanceId      the business key, unique per workflow
     * @param inputJson       the input as JSON, or {@code null}
     * @param createdAt       when it was started
     */
    public NewRun(RunId id, String workflowName, int workflowVersion, String instanceId, String inputJson,
                  Instant createdAt) {
        this(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, null, null, "", null);
    }
}
