package io.durable.api;

/**
 * Replay met a different step at a journaled position: the workflow code changed under a running
 * run. The run fails with this error; nothing journaled is lost.
 */
public class NonDeterministicWorkflowException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final int position;
    private final String recordedStep;
    private final String attemptedStep;

    /**
     * Creates the exception.
     *
     * @param runId         the run
     * @param position      the journal position (sequence) where the mismatch happened
     * @param recordedStep  the step key in the journal
     * @param attemptedStep the step key the code called now
     */
    public NonDeterministicWorkflowException(String runId, int position, String recordedStep, String attemptedStep) {
        super("Workflow code changed under a running workflow: run " + runId + " recorded step '" + recordedStep
                + "' at position " + position + " but the code now calls '" + attemptedStep
                + "'. Check that your workflow is deterministic, or keep the old code path for runs started "
                + "with the old version.");
        this.runId = runId;
        this.position = position;
        this.recordedStep = recordedStep;
        this.attemptedStep = attemptedStep;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the journal position of the mismatch */
    public int position() {
        return position;
    }

    /** @return the step key found in the journal */
    public String recordedStep() {
        return recordedStep;
    }

    /** @return the step key the code attempted */
    public String attemptedStep() {
        return attemptedStep;
    }
}
