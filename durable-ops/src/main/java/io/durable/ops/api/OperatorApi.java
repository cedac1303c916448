package io.durable.ops.api;

import java.util.Set;

/**
 * The operator API's JAX-RS classes, for an application whose {@code Application} lists its classes
 * ({@code getClasses()}) instead of letting the server scan: add these to the set. An application
 * that scans (no {@code getClasses()}) needs nothing: the classes are found in the jar.
 */
public final class OperatorApi {

    private OperatorApi() {
    }

    /**
     * The resources and exception mappers.
     *
     * @return the classes, to add to {@code Application.getClasses()}
     */
    public static Set<Class<?>> classes() {
        return Set.of(RunListResource.class, RunReadsResource.class, RunActionsResource.class, ApprovalsResource.class,
                MeResource.class, DurableExceptionMapper.class, IllegalArgumentMapper.class,
                UnexpectedExceptionMapper.class);
    }
}
