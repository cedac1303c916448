package io.durable.cdi.internal.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The beans this package contributes (settings, threads, transactions, metrics, tracing, store checks and events), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class PlatformBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            EngineSettingsProducer.class,
            EngineThreads.class,
            JtaTransactionRunner.class,
            EngineMetrics.class,
            EngineTracing.class,
            RunVitalsCache.class,
            StoreProbe.class,
            AfterCommit.class,
            EngineEvents.class);

    private PlatformBeans() {
    }

    /**
     * The bean classes that need an optional API: the metrics registry's holder where MicroProfile
     * Metrics is on the class path, the OpenTelemetry holder where OpenTelemetry's API is. Looked up by
     * name, so nothing here loads a Metrics or OpenTelemetry type otherwise.
     *
     * @return the classes to register as well
     */
    public static List<Class<?>> optional() {
        List<Class<?>> found = new ArrayList<>();
        if (EngineMetrics.apiPresent()) {
            load("MetricRegistryHolder").ifPresent(found::add);
        }
        if (EngineTracing.apiPresent()) {
            load("OpenTelemetryHolder").ifPresent(found::add);
        }
        return List.copyOf(found);
    }

    private static Optional<Class<?>> load(String simpleName) {
        try {
            return Optional.of(Class.forName(PlatformBeans.class.getPackageName() + "." + simpleName, false,
                    PlatformBeans.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
    }
}
