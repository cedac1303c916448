package io.durable.api;

import java.util.Objects;
import java.util.Optional;

/**
 * A run is about to be started (by the application, a schedule or a parent workflow); nothing is
 * stored yet. An observer may {@link #veto} it: the start then throws {@link StartVetoedException}
 * (in a parent workflow, where the child is started), and no run exists.
 */
public final class RunStarting implements RunEvent {

    private final String workflowName;
    private final String instanceId;
    private final String inputJson;
    private final RunId parentRunId;
    private String vetoReason;

    /**
     * Creates the event.
     *
     * @param workflowName the workflow
     * @param instanceId   the instance id
     * @param inputJson    the input as JSON, or {@code null}
     * @param parentRunId  the parent run, for a child workflow, or {@code null}
     */
    public RunStarting(String workflowName, String instanceId, String inputJson, RunId parentRunId) {
        this.workflowName = Objects.requireNonNull(workflowName, "workflowName");
        this.instanceId = Objects.requireNonNull(instanceId, "instanceId");
        this.inputJson = inputJson;
        this.parentRunId = parentRunId;
    }

    @Override
    public String workflowName() {
        return workflowName;
    }

    /** @return the instance id */
    public String instanceId() {
        return instanceId;
    }

    /** @return the input as JSON, or {@code null} */
    public String inputJson() {
        return inputJson;
    }

    /** @return the parent run, when a workflow starts this run as its child */
    public Optional<RunId> parentRunId() {
        return Optional.ofNullable(parentRunId);
    }

    /**
     * Refuses the start. The first veto's reason is reported.
     *
     * @param reason why, for the caller
     */
    public void veto(String reason) {
        if (vetoReason == null) {
            vetoReason = reason == null || reason.isBlank() ? "no reason given" : reason;
        }
    }

    /** @return the veto's reason, when an observer vetoed */
    public Optional<String> vetoed() {
        return Optional.ofNullable(vetoReason);
    }
}
