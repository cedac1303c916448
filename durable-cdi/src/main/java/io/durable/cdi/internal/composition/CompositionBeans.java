package io.durable.cdi.internal.composition;

import java.util.List;

/**
 * The beans this package contributes (the durable context and what it composes), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class CompositionBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            DefaultDurableContext.class,
            DurableOps.class,
            ParallelRunner.class,
            ChildWorkflows.class,
            Approvals.class,
            Saga.class);

    private CompositionBeans() {
    }
}
