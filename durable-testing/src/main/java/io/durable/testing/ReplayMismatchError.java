package io.durable.testing;

import io.durable.api.RunId;

/**
 * The current workflow code does not fit a recorded run ({@link WorkflowTestKit#replay}): it calls
 * another step where the journal has one, goes on past a finished run's journal, ends before reaching
 * all of it, ends another way, or the run cannot be resumed at all (its version, its input). The
 * message is the engine's own, as a deployed engine would block the run with it, or names both
 * outcomes.
 */
public final class ReplayMismatchError extends AssertionError {

    private static final long serialVersionUID = 1L;

    private final RunId runId;
    private final String workflowName;

    ReplayMismatchError(RunId runId, String workflowName, String message) {
        super(message);
        this.runId = runId;
        this.workflowName = workflowName;
    }

    /**
     * The recorded run.
     *
     * @return its id
     */
    public RunId runId() {
        return runId;
    }

    /**
     * The recorded run's workflow.
     *
     * @return its name
     */
    public String workflowName() {
        return workflowName;
    }
}
