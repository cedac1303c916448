package io.durable.spi;

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

    /** The longest instance id the store accepts. */
    public static final int MAX_INSTANCE_ID = 200;
    /** The longest owner the store accepts. */
    public static final int MAX_OWNER = 200;

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when the instance id is blank or too long
     */
    public NewRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(createdAt, "createdAt");
        owner = owner == null ? "" : owner;
        if (owner.length() > MAX_OWNER) {
            throw new IllegalArgumentException("An owner must be at most " + MAX_OWNER + " characters, got "
                    + owner.length());
        }
        if (instanceId.isBlank() || instanceId.length() > MAX_INSTANCE_ID) {
            throw new IllegalArgumentException("An instance id must be 1 to " + MAX_INSTANCE_ID
                    + " characters, got " + instanceId.length());
        }
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
