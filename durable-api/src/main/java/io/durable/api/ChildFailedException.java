package io.durable.api;

/**
 * A child workflow did not complete: it failed or was cancelled. Thrown into the parent's workflow
 * code where it waits for the child; the outcome is journaled, so a replay throws it again.
 */
public class ChildFailedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String childRunId;
    private final String workflowName;
    private final RunStatus status;
    private final String error;

    /**
     * Creates the exception.
     *
     * @param childRunId   the child run
     * @param workflowName its workflow
     * @param status       how it ended (FAILED or CANCELLED)
     * @param error        its error
     */
    public ChildFailedException(String childRunId, String workflowName, RunStatus status, String error) {
        super("Child run " + childRunId + " of workflow " + workflowName + " ended " + status + ": " + error);
        this.childRunId = childRunId;
        this.workflowName = workflowName;
        this.status = status;
        this.error = error;
    }

    /** @return the child run's id */
    public String childRunId() {
        return childRunId;
    }

    /** @return the child's workflow */
    public String workflowName() {
        return workflowName;
    }

    /** @return FAILED or CANCELLED */
    public RunStatus status() {
        return status;
    }

    /** @return the child's error */
    public String error() {
        return error;
    }
}
