package io.durable.ops.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * An {@link IllegalArgumentException} the library threw for a bad argument (a cursor it did not give
 * out, an empty time range) is a 400 with its message. One thrown elsewhere (a persistence provider's,
 * which may quote a query) is not the caller's doing: a 500 with a reference only.
 */
@Provider
public class IllegalArgumentMapper implements ExceptionMapper<IllegalArgumentException> {

    private static final String LIBRARY = "io.durable.";

    @Override
    public Response toResponse(IllegalArgumentException e) {
        return thrownByLibrary(e) ? ErrorResponses.of(400, e.getMessage()) : ErrorResponses.internal(e);
    }

    /** Whether the library threw it itself (its top frame is the library's), so its message is the library's. */
    static boolean thrownByLibrary(IllegalArgumentException e) {
        StackTraceElement[] trace = e.getStackTrace();
        return e.getCause() == null && trace.length > 0 && trace[0].getClassName().startsWith(LIBRARY);
    }
}
