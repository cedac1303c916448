package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.cdi.internal.health.HealthBeans;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.cdi.internal.platform.PlatformBeans;
import io.durable.cdi.internal.platform.TraceSpan;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * On a server without MicroProfile Health, Metrics or Telemetry (GlassFish has none of them, WildFly no
 * Metrics) the engine registers none of the beans that need them and its tracing does nothing: the
 * engine's classes are loaded here by a class loader that hides those APIs, as such a server would.
 */
class OptionalApisTest {

    private static final List<String> HIDDEN = List.of("org.eclipse.microprofile.health.",
            "org.eclipse.microprofile.metrics.", "io.opentelemetry.");

    @Test
    void with_the_apis_present_the_optional_beans_are_registered() {
        assertEquals(List.of("MetricRegistryHolder", "OpenTelemetryHolder"),
                PlatformBeans.optional().stream().map(Class::getSimpleName).toList());
        assertEquals(List.of("StoreReadiness", "RunsReadiness", "EngineLiveness"),
                HealthBeans.optional().stream().map(Class::getSimpleName).toList());
    }

    @Test
    void without_health_metrics_and_telemetry_no_bean_needs_them_and_tracing_does_nothing() throws Exception {
        ClassLoader without = new HidingClassLoader(getClass().getClassLoader(), "io.durable.cdi.internal.", HIDDEN);
        for (String api : List.of("org.eclipse.microprofile.health.HealthCheck",
                "org.eclipse.microprofile.metrics.MetricRegistry", "io.opentelemetry.api.OpenTelemetry")) {
            assertThrows(ClassNotFoundException.class, () -> Class.forName(api, false, without));
        }

        assertEquals(List.of(), Class.forName(PlatformBeans.class.getName(), true, without).getMethod("optional")
                .invoke(null));
        assertEquals(List.of(), Class.forName(HealthBeans.class.getName(), true, without).getMethod("optional")
                .invoke(null));

        Class<?> tracingType = Class.forName(EngineTracing.class.getName(), true, without);
        Object tracing = tracingType.getDeclaredConstructor().newInstance();
        tracingType.getMethod("start").invoke(tracing);
        assertNull(tracingType.getMethod("currentTraceParent").invoke(tracing));
        RunInfo run = new RunInfo(RunId.random(), "order", 1, "o-1", RunStatus.RUNNING, null, null, null, Instant.EPOCH,
                Instant.EPOCH, null);
        Object span = tracingType.getMethod("startRun", RunInfo.class, String.class, long.class)
                .invoke(tracing, run, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01", 2L);
        Class<?> spanType = Class.forName(TraceSpan.class.getName(), true, without);
        assertTrue(spanType.isInstance(span));
        Object step = tracingType.getMethod("startStep", spanType, RunInfo.class, String.class, String.class, int.class)
                .invoke(tracing, span, run, "charge#1", "charge", 1);
        for (Object opened : List.of(step, span)) {
            Method close = spanType.getMethod("close");
            close.invoke(opened);
        }
        assertEquals(spanType.getField("NONE").get(null), span, "no tracing: the span that does nothing");
    }
}
