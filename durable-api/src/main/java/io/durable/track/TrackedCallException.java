package io.durable.track;

import io.durable.api.DurableException;

/**
 * A checked exception thrown by the body of {@link RunTracker#executeCall}, after the call was
 * recorded as failed.
 */
public class TrackedCallException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param callId    the failed call
     * @param operation its operation
     * @param cause     what the body threw
     */
    public TrackedCallException(String callId, String operation, Throwable cause) {
        super("Tracked call " + callId + " (" + operation + ") failed: " + cause, cause);
    }
}
