package io.durable.sample.web;

import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalNotFoundException;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.DurableException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.IncompatibleVersionException;
import io.durable.api.PayloadException;
import io.durable.api.RunFinishedException;
import io.durable.api.RunNotFoundException;
import io.durable.api.StartVetoedException;
import io.durable.api.UnknownSignalException;
import io.durable.api.UnknownWorkflowException;
import jakarta.json.Json;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Turns the engine's exceptions into HTTP answers with a JSON body that says what is wrong. */
@Provider
public class ErrorMapper implements ExceptionMapper<DurableException> {

    @Override
    public Response toResponse(DurableException e) {
        Response.Status status;
        if (e instanceof UnknownWorkflowException || e instanceof RunNotFoundException
                || e instanceof ApprovalNotFoundException || e instanceof io.durable.track.TrackingNotFoundException) {
            status = Response.Status.NOT_FOUND;
        } else if (e instanceof DuplicateInstanceException || e instanceof RunFinishedException
                || e instanceof IllegalTransitionException || e instanceof IncompatibleVersionException
                || e instanceof ApprovalDecidedException || e instanceof StartVetoedException
                || e instanceof io.durable.sync.ResourceLockedException) {
            status = Response.Status.CONFLICT;
        } else if (e instanceof PayloadException || e instanceof UnknownSignalException) {
            status = Response.Status.BAD_REQUEST;
        } else {
            status = Response.Status.INTERNAL_SERVER_ERROR;
        }
        return error(status, e.getMessage());
    }

    static Response error(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Json.createObjectBuilder().add("error", message).build().toString())
                .build();
    }
}
