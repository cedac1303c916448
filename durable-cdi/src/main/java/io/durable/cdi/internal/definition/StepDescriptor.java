package io.durable.cdi.internal.definition;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Objects;

/**
 * What the interceptor needs to know about one {@code @DurableStep} method, computed once.
 *
 * @param name          the step name in the journal
 * @param transactional whether the body and its journal row share one transaction
 * @param returnType    the generic return type, for decoding journaled results
 * @param returnsVoid   whether there is no result to journal
 * @param retry         the name of its retry policy
 * @param noRetryOn     exception types that fail it at once
 * @param compensation  the saga compensation method of the same bean, or {@code null}
 */
public record StepDescriptor(String name, boolean transactional, Type returnType, boolean returnsVoid, String retry,
                      List<Class<? extends Throwable>> noRetryOn, java.lang.reflect.Method compensation) {

    public StepDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(returnType, "returnType");
        Objects.requireNonNull(retry, "retry");
        noRetryOn = List.copyOf(noRetryOn);
    }

    /** Whether a failure may be retried: not when its type (or a supertype) is marked non-retryable. */
    public boolean retryable(Throwable failure) {
        for (Class<? extends Throwable> type : noRetryOn) {
            if (type.isInstance(failure)) {
                return false;
            }
        }
        return !failure.getClass().isAnnotationPresent(io.durable.api.NonRetryable.class);
    }
}
