package io.durable.cdi.internal.journal;

import java.util.List;

/**
 * The beans this package contributes (the step interceptor, the step runner, the journal writer and
 * its group commit), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class JournalBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            DurableStepInterceptor.class,
            StepRunner.class,
            JournalWriter.class,
            GroupCommit.class);

    private JournalBeans() {
    }
}
