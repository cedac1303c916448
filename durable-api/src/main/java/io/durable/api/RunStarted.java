package io.durable.api;

/**
 * A run was stored and will execute.
 *
 * @param run the run as stored: PENDING, or RUNNING when it was stored leased to the starting node,
 *            which executes it at once
 */
public record RunStarted(RunInfo run) implements RunEvent {

    @Override
    public String workflowName() {
        return run.workflowName();
    }
}
