package io.durable.cdi.internal.platform;

import io.durable.cdi.internal.HidingClassLoader;
import org.junit.jupiter.api.Test;

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
        ClassLoader withoutMetrics = new HidingClassLoader(getClass().getClassLoader(), EngineMetrics.class.getPackageName() + ".",
                java.util.List.of("org.eclipse.microprofile.metrics."));
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
}
