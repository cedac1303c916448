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
 */
public record NewRun(RunId id, String workflowName, int workflowVersion, String instanceId, String inputJson,
                     Instant createdAt, RunId parentRunId, String parentStepKey, String owner) {

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
        this(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey, "");
    }

    /**
     * This run under another owner.
     *
     * @param newOwner the owner
     * @return the changed copy
     */
    public NewRun withOwner(String newOwner) {
        return new NewRun(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, parentRunId, parentStepKey,
                newOwner);
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
        this(id, workflowName, workflowVersion, instanceId, inputJson, createdAt, null, null, "");
    }
}
