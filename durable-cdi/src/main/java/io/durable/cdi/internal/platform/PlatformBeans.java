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

    /**
     * The bean classes that need an optional API: the metrics registry's holder where MicroProfile
     * Metrics is on the class path. Looked up by name, so nothing here loads a Metrics type otherwise.
     *
     * @return the classes to register as well
     */
    public static List<Class<?>> optional() {
        if (!EngineMetrics.apiPresent()) {
            return List.of();
        }
        try {
            return List.of(Class.forName(PlatformBeans.class.getPackageName() + ".MetricRegistryHolder", false,
                    PlatformBeans.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }
}
