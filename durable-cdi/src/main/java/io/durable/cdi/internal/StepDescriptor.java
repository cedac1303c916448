package io.durable.cdi.internal;

import java.lang.reflect.Type;
import java.util.Objects;

/**
 * What the interceptor needs to know about one {@code @DurableStep} method, computed once.
 *
 * @param name          the step name in the journal
 * @param transactional whether the body and its journal row share one transaction
 * @param returnType    the generic return type, for decoding journaled results
 * @param returnsVoid   whether there is no result to journal
 */
record StepDescriptor(String name, boolean transactional, Type returnType, boolean returnsVoid) {

    StepDescriptor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(returnType, "returnType");
    }
}
