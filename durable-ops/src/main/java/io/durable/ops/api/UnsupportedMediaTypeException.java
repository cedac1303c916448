package io.durable.ops.api;

import io.durable.api.DurableException;

/**
 * A request body is declared as something other than JSON (HTTP 415). Refusing it also keeps a
 * cross-site HTML form (which can only send form or text bodies) from posting to the API.
 */
public class UnsupportedMediaTypeException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what what the body is, for example "signal payload"
     */
    public UnsupportedMediaTypeException(String what) {
        super("The " + what + " must be sent as application/json");
    }
}
