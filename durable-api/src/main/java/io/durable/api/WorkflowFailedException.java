package io.durable.api;

/**
 * Thrown to a caller waiting for a result when the run failed or was cancelled.
 */
public class WorkflowFailedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final RunStatus status;
    private final String error;

    /**
     * Creates the exception.
     *
     * @param runId  the run
     * @param status FAILED or CANCELLED
     * @param error  the stored error
     */
    public WorkflowFailedException(String runId, RunStatus status, String error) {
        super("Run " + runId + " ended " + status + (error == null ? "" : ": " + error)
                + ". Read its steps to see where it stopped.");
        this.runId = runId;
        this.status = status;
        this.error = error;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the terminal status */
    public RunStatus status() {
        return status;
    }

    /** @return the stored error */
    public String error() {
        return error;
    }
}
