package io.durable.cdi.internal.platform;

import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine's metrics look their instruments up once, at start: a registry lookup may wait on the
 * container's cluster (Payara's clustered configuration), so a step must never make one.
 */
class EngineMetricsTest {

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger increments = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();

    @Test
    void instruments_are_looked_up_at_start_and_steps_only_record() {
        EngineMetrics metrics = new EngineMetrics();
        metrics.metrics = new MicroProfileMetrics(registry());
        metrics.start(List.of("order", "sync"));
        int atStart = lookups.get();
        assertEquals(2 * 9, atStart, "every instrument of every workflow at start");

        for (int step = 0; step < 1_000; step++) {
            metrics.stepFinished("order", Duration.ofMillis(step));
            metrics.stepRetried("sync");
        }
        metrics.runStarted("order");
        metrics.runCompleted("order");

        assertEquals(atStart, lookups.get(), "no lookup after the start");
        assertEquals(1_000, updates.get());
        assertEquals(1_002, increments.get());
    }

    @Test
    void a_workflow_unknown_at_start_is_looked_up_once() {
        EngineMetrics metrics = new EngineMetrics();
        metrics.metrics = new MicroProfileMetrics(registry());
        metrics.start(List.of());
        metrics.runStarted("late");
        metrics.runStarted("late");
        assertEquals(9, lookups.get());
        assertEquals(2, increments.get());
    }

    private MetricRegistry registry() {
        Counter counter = proxy(Counter.class, () -> increments.incrementAndGet());
        Timer timer = proxy(Timer.class, () -> updates.incrementAndGet());
        return (MetricRegistry) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{MetricRegistry.class},
                (self, method, args) -> switch (method.getName()) {
                    case "counter" -> {
                        lookups.incrementAndGet();
                        yield counter;
                    }
                    case "timer" -> {
                        lookups.incrementAndGet();
                        yield timer;
                    }
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private <T> T proxy(Class<T> type, Runnable onRecord) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{type}, (self, method, args) -> {
            if (method.getName().equals("inc") || method.getName().equals("update")) {
                onRecord.run();
                return null;
            }
            throw new UnsupportedOperationException(method.getName());
        });
    }
}
