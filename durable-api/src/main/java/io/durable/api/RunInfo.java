package io.durable.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of one run, as stored.
 *
 * @param id              the run id
 * @param workflowName    the workflow's name
 * @param workflowVersion the workflow version the run was started with
 * @param instanceId      the business key, unique per workflow name
 * @param status          the status at the time of the snapshot
 * @param inputJson       the input as JSON ({@code null} for a workflow without input)
 * @param outputJson      the output as JSON, once completed
 * @param error           the error description, once failed
 * @param createdAt       when the run was started
 * @param updatedAt       when the run row last changed
 * @param finishedAt      when the run reached a terminal status
 * @param wakeAt          when a parked (SUSPENDED) run is due to wake, or {@code null}
 * @param waitingFor      what a parked run waits for ({@code sleep}, {@code signal:NAME},
 *                        {@code retry:STEP}, {@code pause}), or {@code null}
 * @param paused          whether an operator paused the run (it stops at its next step boundary)
 * @param lastAction      the last operator action on the run (pause, unpause, cancel), or {@code null}
 * @param parentRunId     the run that started this one as a child workflow, or {@code null}
 * @param parentStepKey   the key under which the parent waits for this child, or {@code null}
 * @param continuedAs     the run this one continued as (status CONTINUED), or {@code null}
 * @param owner           the owner (tenant) the run belongs to, empty when the application has none:
 *                        its starter's, a child's parent's, a continuation's predecessor's
 * @param job             whether the row is a tracked job that is not a workflow run (started through
 *                        {@code RunTracker}): the engine never executes it, and it takes no signal,
 *                        approval or pause; the workflow name is then the job's type
 */
public record RunInfo(
        RunId id,
        String workflowName,
        int workflowVersion,
        String instanceId,
        RunStatus status,
        String inputJson,
        String outputJson,
        String error,
        Instant createdAt,
        Instant updatedAt,
        Instant finishedAt,
        Instant wakeAt,
        String waitingFor,
        boolean paused,
        OperatorAction lastAction,
        RunId parentRunId,
        String parentStepKey,
        RunId continuedAs,
        String owner,
        boolean job) {

    /** Validates the mandatory fields. */
    public RunInfo {
        owner = owner == null ? "" : owner;
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(workflowName, "workflowName");
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    /**
     * A snapshot of a run that is not parked and has no operator action.
     *
     * @param id              the run id
     * @param workflowName    the workflow's name
     * @param workflowVersion the workflow version
     * @param instanceId      the business key
     * @param status          the status
     * @param inputJson       the input as JSON
     * @param outputJson      the output as JSON
     * @param error           the error description
     * @param createdAt       when the run was started
     * @param updatedAt       when the run row last changed
     * @param finishedAt      when the run finished
     */
    public RunInfo(RunId id, String workflowName, int workflowVersion, String instanceId, RunStatus status,
                   String inputJson, String outputJson, String error, Instant createdAt, Instant updatedAt,
                   Instant finishedAt) {
        this(id, workflowName, workflowVersion, instanceId, status, inputJson, outputJson, error, createdAt, updatedAt,
                finishedAt, null, null, false, null, null, null, null, "", false);
    }

    /**
     * The parent run, when this run is a child workflow.
     *
     * @return the parent's id
     */
    public Optional<RunId> parent() {
        return Optional.ofNullable(parentRunId);
    }

    /**
     * The finish time, when the run has finished.
     *
     * @return the time it reached a terminal status
     */
    public Optional<Instant> finished() {
        return Optional.ofNullable(finishedAt);
    }
}
