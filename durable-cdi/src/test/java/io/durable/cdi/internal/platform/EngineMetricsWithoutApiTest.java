package io.durable.cdi.internal.platform;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * On a server without MicroProfile Metrics (GlassFish, WildFly) the engine's metrics bean loads and
 * records nothing: {@link EngineMetrics} is loaded here by a class loader that hides the Metrics API,
 * as such a server would, and every method runs without a {@code NoClassDefFoundError}.
 */
class EngineMetricsWithoutApiTest {

    @Test
    void the_metrics_bean_loads_and_records_nothing_without_the_metrics_api() throws Exception {
        ClassLoader withoutMetrics = new HidingLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("org.eclipse.microprofile.metrics.MetricRegistry", false, withoutMetrics));

        Class<?> type = Class.forName(EngineMetrics.class.getName(), true, withoutMetrics);
        Object metrics = type.getDeclaredConstructor().newInstance();
        Method init = type.getDeclaredMethod("init");
        init.setAccessible(true);
        init.invoke(metrics);
        type.getMethod("start", java.util.Collection.class).invoke(metrics, List.of("order"));
        for (String event : List.of("runStarted", "runCompleted", "runFailed", "runCancelled", "runCompensated",
                "runBlocked", "runContinued", "stepRetried")) {
            type.getMethod(event, String.class).invoke(metrics, "order");
        }
        type.getMethod("stepFinished", String.class, Duration.class).invoke(metrics, "order", Duration.ofMillis(3));
        type.getMethod("journalWritten", Duration.class).invoke(metrics, Duration.ofMillis(1));

        java.lang.reflect.Field kept = type.getDeclaredField("metrics");
        kept.setAccessible(true);
        assertNull(kept.get(metrics), "no instruments without the API");
    }

    /** Loads the engine's platform classes itself and refuses the MicroProfile Metrics API. */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("org.eclipse.microprofile.metrics.")) {
                throw new ClassNotFoundException(name + " (hidden, as on a server without MicroProfile Metrics)");
            }
            if (!name.startsWith(EngineMetrics.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
