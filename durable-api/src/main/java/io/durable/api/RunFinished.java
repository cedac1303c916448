package io.durable.api;

/**
 * A run reached a terminal status: COMPLETED, FAILED, CANCELLED or CONTINUED.
 *
 * @param run the run as stored, with its output or error
 */
public record RunFinished(RunInfo run) implements RunEvent {

    @Override
    public String workflowName() {
        return run.workflowName();
    }
}
