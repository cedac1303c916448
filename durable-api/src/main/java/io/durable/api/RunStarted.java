package io.durable.api;

/**
 * A run was stored and will execute.
 *
 * @param run the run as stored (PENDING)
 */
public record RunStarted(RunInfo run) implements RunEvent {

    @Override
    public String workflowName() {
        return run.workflowName();
    }
}
