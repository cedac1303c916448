package io.durable.ops.api;

import io.durable.api.AccessDeniedException;
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
import io.durable.sync.ResourceLockedException;
import io.durable.track.TrackingNotFoundException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * The engine's exceptions as HTTP answers: what a caller did wrong or asked for in vain is a 4xx with
 * the exception's message (which names the run, step or limit and what to do); anything else (a
 * store failure, whose text carries SQL and bind values; a lost lease) is a 500 with a reference only.
 * It answers for every resource of the application, not only the operator API's.
 */
@Provider
public class DurableExceptionMapper implements ExceptionMapper<DurableException> {

    @Override
    public Response toResponse(DurableException e) {
        int status = status(e);
        return status == 500 ? ErrorResponses.internal(e) : ErrorResponses.of(status, e.getMessage());
    }

    /**
     * The HTTP status of an engine exception.
     *
     * @param e the exception
     * @return 400, 401, 403, 404, 409, 413, 415, or 500 for everything not caused by the request
     */
    static int status(DurableException e) {
        if (e instanceof NotAuthenticatedException) {
            return 401;
        } else if (e instanceof AccessDeniedException) {
            return 403;
        } else if (e instanceof RunNotFoundException || e instanceof ApprovalNotFoundException
                || e instanceof UnknownWorkflowException || e instanceof TrackingNotFoundException) {
            return 404;
        } else if (e instanceof RunFinishedException || e instanceof IllegalTransitionException
                || e instanceof ApprovalDecidedException || e instanceof DuplicateInstanceException
                || e instanceof IncompatibleVersionException || e instanceof StartVetoedException
                || e instanceof ResourceLockedException) {
            return 409;
        } else if (e instanceof PayloadTooLargeException) {
            return 413;
        } else if (e instanceof UnsupportedMediaTypeException) {
            return 415;
        } else if (e instanceof InvalidParameterException || e instanceof PayloadException
                || e instanceof UnknownSignalException) {
            return 400;
        }
        return 500;
    }
}
