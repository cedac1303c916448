package io.durable.api;

/**
 * The root of every exception the library throws. Subclasses carry their context (workflow, run,
 * step) as fields and in the message, and the message says what to do next.
 */
public abstract class DurableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what happened, with context, and what to do
     */
    protected DurableException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what happened, with context, and what to do
     * @param cause   the underlying failure
     */
    protected DurableException(String message, Throwable cause) {
        super(message, cause);
    }
}
