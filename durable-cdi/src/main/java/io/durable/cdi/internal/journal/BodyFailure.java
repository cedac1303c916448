package io.durable.cdi.internal.journal;

/**
 * Carries the exception of a step's (or a compensation's) body out of the transaction it ran in, so
 * the transaction rolls back and the caller can tell the body's failure from a journaling failure.
 */
public final class BodyFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Exception body;

    public BodyFailure(Exception body) {
        super(body.getMessage(), body, false, false);
        this.body = body;
    }

    /** @return what the body threw */
    public Exception body() {
        return body;
    }
}
