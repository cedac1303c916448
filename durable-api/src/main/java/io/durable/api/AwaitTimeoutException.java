package io.durable.api;

import java.time.Duration;

/**
 * A run did not finish within the time a caller was willing to wait. The run itself goes on.
 */
public class AwaitTimeoutException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final RunStatus lastStatus;

    /**
     * Creates the exception.
     *
     * @param runId      the run
     * @param timeout    how long the caller waited
     * @param lastStatus the status seen last
     */
    public AwaitTimeoutException(String runId, Duration timeout, RunStatus lastStatus) {
        super("Run " + runId + " did not finish within " + timeout + " (last status " + lastStatus
                + "). It goes on; wait again or read its status later.");
        this.runId = runId;
        this.lastStatus = lastStatus;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the status seen last */
    public RunStatus lastStatus() {
        return lastStatus;
    }
}
