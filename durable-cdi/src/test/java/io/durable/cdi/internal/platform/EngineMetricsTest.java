package io.durable.cdi.internal.platform;

import io.durable.api.RunStatus;
import io.durable.spi.RunVitals;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's metrics look their instruments up once, at start: a registry lookup may wait on the
 * container's cluster (Payara's clustered configuration), so a step must never make one. Timers carry
 * the unit their snapshots hold (nanoseconds), which Payara's exporter needs to scale them to seconds.
 */
class EngineMetricsTest {

    /** Per workflow: 8 counters and the step timer. */
    private static final int PER_WORKFLOW = 9;
    /** Once: the journal write timer. */
    private static final int SHARED_TIMERS = 1;
    /** Once: 5 statuses, parked, 3 kinds of stuck runs, the sweep's lag. */
    private static final int GAUGES = 10;

    private final AtomicInteger lookups = new AtomicInteger();
    private final AtomicInteger increments = new AtomicInteger();
    private final AtomicInteger updates = new AtomicInteger();
    private final Map<String, String> units = new ConcurrentHashMap<>();
    private final Map<String, Supplier<?>> gauges = new ConcurrentHashMap<>();

    @Test
    void instruments_are_looked_up_at_start_and_steps_only_record() {
        EngineMetrics metrics = started(null, List.of("order", "sync"));
        int atStart = lookups.get();
        assertEquals(2 * PER_WORKFLOW + SHARED_TIMERS + GAUGES, atStart, "every instrument of every workflow at start");

        for (int step = 0; step < 1_000; step++) {
            metrics.stepFinished("order", Duration.ofMillis(step));
            metrics.stepRetried("sync");
            metrics.journalWritten(Duration.ofMillis(1));
        }
        metrics.runStarted("order");
        metrics.runCompleted("order");

        assertEquals(atStart, lookups.get(), "no lookup after the start");
        assertEquals(2_000, updates.get());
        assertEquals(1_002, increments.get());
    }

    @Test
    void a_workflow_unknown_at_start_is_looked_up_once() {
        EngineMetrics metrics = started(null, List.of());
        metrics.runStarted("late");
        metrics.runStarted("late");
        assertEquals(PER_WORKFLOW + SHARED_TIMERS + GAUGES, lookups.get());
        assertEquals(2, increments.get());
    }

    @Test
    void timers_are_registered_in_nanoseconds_which_the_exporter_scales_to_seconds() {
        started(null, List.of("order"));
        assertEquals(MetricUnits.NANOSECONDS, units.get("durable.step.duration"));
        assertEquals(MetricUnits.NANOSECONDS, units.get("durable.journal.write"));
        assertEquals(MetricUnits.SECONDS, units.get("durable.sweep.lag"));
    }

    @Test
    void gauges_read_the_kept_counts_and_the_lag_of_the_most_overdue_run() {
        Instant now = Instant.parse("2026-03-01T10:00:00Z");
        RunVitals vitals = new RunVitals(Map.of(RunStatus.PENDING, 4L, RunStatus.SUSPENDED, 7L, RunStatus.BLOCKED, 1L),
                10_000, 2, 3, 1, now.minusSeconds(90));
        started(new RunVitalsCache.Measured(vitals, now, Duration.ofSeconds(15)), List.of());

        assertEquals(4.0, gauges.get("durable.runs.current[status=PENDING]").get());
        assertEquals(7.0, gauges.get("durable.runs.current[status=SUSPENDED]").get());
        assertEquals(0.0, gauges.get("durable.runs.current[status=RUNNING]").get());
        assertEquals(1.0, gauges.get("durable.runs.current[status=BLOCKED]").get());
        assertEquals(7.0, gauges.get("durable.runs.parked[]").get());
        assertEquals(2.0, gauges.get("durable.runs.stuck[reason=expired-lease]").get());
        assertEquals(3.0, gauges.get("durable.runs.stuck[reason=overdue]").get());
        assertEquals(1.0, gauges.get("durable.runs.stuck[reason=recovering]").get());
        assertEquals(90.0, gauges.get("durable.sweep.lag[]").get());
    }

    @Test
    void before_the_first_count_the_gauges_are_unknown_and_the_lag_zero() {
        started(null, List.of());
        assertTrue(Double.isNaN((Double) gauges.get("durable.runs.current[status=PENDING]").get()));
        assertEquals(0.0, gauges.get("durable.sweep.lag[]").get());
    }

    private EngineMetrics started(RunVitalsCache.Measured measured, List<String> workflows) {
        EngineMetrics metrics = new EngineMetrics();
        metrics.metrics = new MicroProfileMetrics(registry());
        metrics.vitals = new RunVitalsCache() {
            @Override
            public java.util.Optional<Measured> latest(Duration wait) {
                return java.util.Optional.ofNullable(measured);
            }
        };
        metrics.clock = java.time.Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), java.time.ZoneOffset.UTC);
        metrics.start(workflows);
        return metrics;
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
                        if (args[0] instanceof Metadata metadata) {
                            units.put(metadata.getName(), metadata.getUnit());
                        }
                        yield timer;
                    }
                    case "gauge" -> {
                        lookups.incrementAndGet();
                        Metadata metadata = (Metadata) args[0];
                        units.put(metadata.getName(), metadata.getUnit());
                        StringBuilder id = new StringBuilder(metadata.getName()).append('[');
                        for (Tag tag : (Tag[]) args[2]) {
                            id.append(tag.getTagName()).append('=').append(tag.getTagValue());
                        }
                        gauges.put(id.append(']').toString(), (Supplier<?>) args[1]);
                        yield null;
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
