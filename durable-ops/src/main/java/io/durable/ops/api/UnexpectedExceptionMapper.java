package io.durable.ops.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The last line: a JAX-RS answer (404 for an unknown path, 405, 415, ...) keeps its status with the
 * JSON error body, and anything else is a 500 that carries only a reference, its detail in the server
 * log. It answers for every resource of the application (an application's own, more specific mapper
 * still wins for its exceptions).
 */
@Provider
public class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    @Override
    public Response toResponse(Throwable e) {
        if (e instanceof WebApplicationException web) {
            Response response = web.getResponse();
            if (response.hasEntity() || response.getStatus() < 400) {
                return response;
            }
            Response.StatusType status = response.getStatusInfo();
            if (status.getStatusCode() >= 500) {
                return ErrorResponses.internal(e);
            }
            Response.ResponseBuilder error = Response.fromResponse(
                    ErrorResponses.of(status.getStatusCode(), message(web, status)));
            // keep what the answer needs besides its body, such as the Allow header of a 405
            response.getHeaders().forEach((name, values) -> {
                if (!"Content-Type".equalsIgnoreCase(name) && !"Content-Length".equalsIgnoreCase(name)) {
                    values.forEach(value -> error.header(name, value));
                }
            });
            return error.build();
        }
        return ErrorResponses.internal(e);
    }

    /**
     * The message of a JAX-RS exception thrown by this library (its message is ours), otherwise only
     * the status's reason phrase: a reader's parse failure may quote the body or a class name.
     */
    private static String message(WebApplicationException e, Response.StatusType status) {
        StackTraceElement[] trace = e.getStackTrace();
        boolean ours = e.getCause() == null && trace.length > 0 && trace[0].getClassName().startsWith("io.durable.");
        return ours && e.getMessage() != null ? e.getMessage() : status.getReasonPhrase();
    }
}
