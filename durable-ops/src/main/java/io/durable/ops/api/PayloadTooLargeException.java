package io.durable.ops.api;

import io.durable.api.DurableException;

/**
 * A request body is larger than the operator API accepts (HTTP 413).
 */
public class PayloadTooLargeException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final int maxBytes;

    /**
     * Creates the exception.
     *
     * @param what     what the body is, for example "signal payload"
     * @param maxBytes the largest body accepted, in bytes
     */
    public PayloadTooLargeException(String what, int maxBytes) {
        super("The " + what + " is larger than " + maxBytes + " bytes; send a reference to the data (a key of "
                + "your own table) instead of the data");
        this.maxBytes = maxBytes;
    }

    /**
     * The largest body accepted.
     *
     * @return bytes
     */
    public int maxBytes() {
        return maxBytes;
    }
}
