package io.durable.api;

/**
 * A payload (input, output or step result) cannot be converted to or from JSON, is malformed, or
 * does not bind to the declared type.
 */
public class PayloadException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what payload, which type, and what is wrong
     * @param cause   the JSON-B failure, or {@code null}
     */
    public PayloadException(String message, Throwable cause) {
        super(message, cause);
    }
}
