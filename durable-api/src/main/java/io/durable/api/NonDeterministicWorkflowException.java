package io.durable.api;

/**
 * Replay met a different step at a journaled position: the workflow code changed under a running
 * run. The run is BLOCKED with this error; nothing journaled is lost. A replay check of a recorded
 * run (the test kit's) also finds code that goes on past a finished run's journal, and code that ends
 * before reaching all of it.
 */
public class NonDeterministicWorkflowException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final int position;
    private final String recordedStep;
    private final String attemptedStep;

    private static final String ADVICE = ". Check that your workflow is deterministic, or keep the old code path for "
            + "runs started with the old version.";

    /**
     * Creates the exception for a journaled position where the code now calls another step.
     *
     * @param runId         the run
     * @param position      the journal position (sequence) where the mismatch happened
     * @param recordedStep  the step key in the journal
     * @param attemptedStep the step key the code called now
     */
    public NonDeterministicWorkflowException(String runId, int position, String recordedStep, String attemptedStep) {
        this(runId, position, recordedStep, attemptedStep, "step '" + recordedStep + "' at position " + position
                + " but the code now calls '" + attemptedStep + "'");
    }

    private NonDeterministicWorkflowException(String runId, int position, String recordedStep, String attemptedStep,
                                              String mismatch) {
        super("Workflow code changed under a running workflow: run " + runId + " recorded " + mismatch + ADVICE);
        this.runId = runId;
        this.position = position;
        this.recordedStep = recordedStep;
        this.attemptedStep = attemptedStep;
    }

    /**
     * The code calls a step past the end of a finished run's journal: the run, as recorded, did no
     * more work there (a replay check of a recorded run finds this; a live run would just go on).
     *
     * @param runId          the run
     * @param position       the position past the journal's last entry
     * @param attemptedStep  the step key the code called now
     * @param recordedStatus how the recorded run ended
     * @return the exception, with {@link #recordedStep()} {@code null}
     */
    public static NonDeterministicWorkflowException pastTheEnd(String runId, int position, String attemptedStep,
                                                               RunStatus recordedStatus) {
        return new NonDeterministicWorkflowException(runId, position, null, attemptedStep, "no step at position "
                + position + " (it ended " + recordedStatus + " there) but the code now calls '" + attemptedStep + "'");
    }

    /**
     * The code ends the run while the journal holds a step it never reached.
     *
     * @param runId        the run
     * @param position     the position of the first journaled step the code did not reach
     * @param recordedStep that step's key
     * @param ending       how the code ends the run now, for example {@code COMPLETED}
     * @return the exception, with {@link #attemptedStep()} {@code null}
     */
    public static NonDeterministicWorkflowException endsEarly(String runId, int position, String recordedStep,
                                                              RunStatus ending) {
        return new NonDeterministicWorkflowException(runId, position, recordedStep, null, "step '" + recordedStep
                + "' at position " + position + " but the code now ends the run " + ending + " without calling it");
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the journal position of the mismatch */
    public int position() {
        return position;
    }

    /** @return the step key found in the journal, or {@code null} when the journal had ended there */
    public String recordedStep() {
        return recordedStep;
    }

    /** @return the step key the code attempted, or {@code null} when the code ended the run there */
    public String attemptedStep() {
        return attemptedStep;
    }
}
