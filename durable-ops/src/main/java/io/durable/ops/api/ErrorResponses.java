package io.durable.ops.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The error answers of the operator API: {@code {"error": "<message>", "status": <code>}}. An
 * unexpected failure answers only a reference; its detail (a store failure's SQL, the stack trace)
 * goes to the server log under that reference.
 */
final class ErrorResponses {

    private static final Logger LOG = Logger.getLogger(ErrorResponses.class.getName());

    private ErrorResponses() {
    }

    /**
     * An error answer with a message meant for the caller.
     *
     * @param status  the HTTP status
     * @param message what is wrong and what to do
     */
    static Response of(int status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(Json.createObjectBuilder().add("error", message == null ? "" : message).add("status", status)
                        .build().toString())
                .build();
    }

    /**
     * A 500 answer that carries only a reference; logs the failure with it.
     *
     * @param failure what went wrong
     */
    static Response internal(Throwable failure) {
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, failure, () -> "Internal error, reference " + reference);
        return of(500, "Internal error, reference " + reference);
    }
}
