package io.durable.ops.api;

import io.durable.api.DurableException;

/**
 * A request of the operator API came without an authenticated caller (HTTP 401).
 */
public class NotAuthenticatedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String action;

    /**
     * Creates the exception.
     *
     * @param action what the request wanted, for example "list runs"
     */
    public NotAuthenticatedException(String action) {
        super("Authentication required to " + action + ": send the credentials of a user with a durable role");
        this.action = action;
    }

    /**
     * What the request wanted.
     *
     * @return the action
     */
    public String action() {
        return action;
    }
}
