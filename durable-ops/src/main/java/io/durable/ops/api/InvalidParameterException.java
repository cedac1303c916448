package io.durable.ops.api;

import io.durable.api.DurableException;

/**
 * A request parameter (path, query, header or body field) is malformed or out of its bounds (HTTP 400).
 */
public class InvalidParameterException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    /**
     * Creates the exception.
     *
     * @param parameter the parameter's name, as the request names it
     * @param problem   what is wrong and what is accepted, without echoing long or unprintable input
     */
    public InvalidParameterException(String parameter, String problem) {
        super("Invalid '" + parameter + "': " + problem);
        this.parameter = parameter;
    }

    /**
     * The parameter's name.
     *
     * @return the name
     */
    public String parameter() {
        return parameter;
    }
}
