package io.durable.cdi.internal.platform;

import java.util.List;

/**
 * The beans this package contributes (settings, threads, transactions, metrics and events), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class PlatformBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            EngineSettingsProducer.class,
            EngineThreads.class,
            JtaTransactionRunner.class,
            EngineMetrics.class,
            AfterCommit.class,
            EngineEvents.class);

    private PlatformBeans() {
    }
}
