package io.durable.sync;

import io.durable.api.DurableException;
import io.durable.api.NonRetryable;

/**
 * A sync's body failed: its run was marked FAILED and its lock released.
 */
@NonRetryable
public class SyncFailedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    /**
     * Creates the exception.
     *
     * @param runId    the tracked run
     * @param resource the resource
     * @param error    what went wrong
     * @param cause    the body's exception, or {@code null} on a replay
     */
    public SyncFailedException(String runId, String resource, String error, Throwable cause) {
        super("Sync of '" + resource + "' (run " + runId + ") failed: " + error, cause);
        this.runId = runId;
    }

    /**
     * The failed run.
     *
     * @return its id
     */
    public String runId() {
        return runId;
    }
}
