package io.durable.api;

/**
 * The run has finished (COMPLETED, FAILED or CANCELLED), so it cannot take what was asked of it
 * (a signal, a pause).
 */
public class RunFinishedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final RunStatus status;

    /**
     * Creates the exception.
     *
     * @param runId  the run
     * @param status its terminal status
     * @param what   what was refused, for example "the signal 'approval'"
     */
    public RunFinishedException(String runId, RunStatus status, String what) {
        super("Run " + runId + " has finished (" + status + "), so it cannot take " + what + ".");
        this.runId = runId;
        this.status = status;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return its terminal status */
    public RunStatus status() {
        return status;
    }
}
