package io.durable.cdi.internal.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import io.durable.api.RunStatus;
import io.durable.spi.RunVitals;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's instruments in a MicroProfile Metrics registry. Not a bean, and loaded only by
 * {@link EngineMetrics} once the API is known to be on the class path: a bean with a
 * {@code MetricRegistry} injection point fails the deployment where the API is missing.
 *
 * <p>Timers are registered with the unit nanoseconds, the unit their snapshots hold: Payara's registry
 * gives a timer registered by name alone no unit, and its OpenMetrics exporter then writes the mean,
 * maximum and quantiles unscaled, in nanoseconds, under the {@code _seconds} name (only the sum is
 * converted), so {@code durable_step_duration_seconds} showed a 2 ms step as 2000000.
 */
final class MicroProfileMetrics {

    /** The step durations, per workflow. */
    static final String STEP_DURATION = "durable.step.duration";
    /** The journal writes of plain steps' entries, from the write's start to its commit. */
    static final String JOURNAL_WRITE = "durable.journal.write";
    /** Unfinished runs, per status (a gauge). */
    static final String RUNS_CURRENT = "durable.runs.current";
    /** Parked runs (SUSPENDED), a gauge. */
    static final String RUNS_PARKED = "durable.runs.parked";
    /** Stuck runs, per reason (a gauge). */
    static final String RUNS_STUCK = "durable.runs.stuck";
    /** How late the most overdue run is (a gauge, seconds). */
    static final String SWEEP_LAG = "durable.sweep.lag";
    private static final List<RunStatus> UNFINISHED = List.of(RunStatus.PENDING, RunStatus.RUNNING,
            RunStatus.SUSPENDED, RunStatus.COMPENSATING, RunStatus.BLOCKED);

    private static final Logger LOG = Logger.getLogger(MicroProfileMetrics.class.getName());

    private final MetricRegistry registry;
    private final Map<String, Instruments> byWorkflow = new ConcurrentHashMap<>();
    private volatile Timer journalWrite;

    MicroProfileMetrics(MetricRegistry registry) {
        this.registry = registry;
    }

    /**
     * The application registry, or {@code null} when no implementation provides one.
     *
     * @param beans the bean manager of the engine's module
     */
    static MicroProfileMetrics fromContainer(BeanManager beans) {
        try {
            Instance<MetricRegistryHolder> holders = beans.createInstance().select(MetricRegistryHolder.class);
            MetricRegistry registry = holders.isResolvable() ? holders.get().registry() : null;
            if (registry != null) {
                return new MicroProfileMetrics(registry);
            }
            LOG.fine("MicroProfile Metrics API present but no registry resolves; engine metrics are off");
            return null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No MicroProfile Metrics implementation; engine metrics are off", e);
            return null;
        }
    }

    /** One workflow's instruments. */
    record Instruments(Counter started, Counter completed, Counter failed, Counter cancelled,
                       Counter compensated, Counter blocked, Counter continued, Counter retries,
                       Timer stepDuration) {

        static Instruments of(MetricRegistry registry, String workflow) {
            Tag tag = new Tag("workflow", workflow);
            Metadata duration = Metadata.builder().withName(STEP_DURATION)
                    .withDescription("The time a step's attempt took, from its start to its journal entry's commit")
                    .withUnit(MetricUnits.NANOSECONDS).build();
            return new Instruments(registry.counter("durable.runs.started", tag),
                    registry.counter("durable.runs.completed", tag), registry.counter("durable.runs.failed", tag),
                    registry.counter("durable.runs.cancelled", tag), registry.counter("durable.runs.compensated", tag),
                    registry.counter("durable.runs.blocked", tag), registry.counter("durable.runs.continued", tag),
                    registry.counter("durable.step.retries", tag), registry.timer(duration, tag));
        }

        Counter counter(Event event) {
            return switch (event) {
                case STARTED -> started;
                case COMPLETED -> completed;
                case FAILED -> failed;
                case CANCELLED -> cancelled;
                case COMPENSATED -> compensated;
                case BLOCKED -> blocked;
                case CONTINUED -> continued;
                case RETRIED -> retries;
            };
        }
    }

    /** What a counter counts. */
    enum Event { STARTED, COMPLETED, FAILED, CANCELLED, COMPENSATED, BLOCKED, CONTINUED, RETRIED }

    void record(String workflow, Event event) {
        Instruments found = instruments(workflow);
        if (found != null) {
            found.counter(event).inc();
        }
    }

    void stepFinished(String workflow, Duration duration) {
        Instruments found = instruments(workflow);
        if (found != null) {
            found.stepDuration().update(duration);
        }
    }

    /**
     * Registers what is not per workflow, once, as the engine starts: the journal write timer and the
     * gauges of unfinished, parked and stuck runs and of the sweep's lag, which read the counts the
     * engine keeps ({@link RunVitalsCache}); a gauge never queries the database itself.
     *
     * @param vitals the latest counts, or {@code null} before the first
     * @param now    the engine's current time
     */
    void startShared(Supplier<RunVitalsCache.Measured> vitals, Supplier<java.time.Instant> now) {
        try {
            journalWrite = registry.timer(Metadata.builder().withName(JOURNAL_WRITE)
                    .withDescription("The journal write of a plain step's entry, from its start to its commit, "
                            + "retries included").withUnit(MetricUnits.NANOSECONDS).build());
            Metadata current = Metadata.builder().withName(RUNS_CURRENT)
                    .withDescription("Unfinished runs by status (counted up to " + RunVitalsCache.CAP + ")").build();
            for (RunStatus status : UNFINISHED) {
                gauge(current, vitals, v -> v.count(status), new Tag("status", status.name()));
            }
            gauge(Metadata.builder().withName(RUNS_PARKED).withDescription("Parked (SUSPENDED) runs").build(), vitals,
                    v -> v.count(RunStatus.SUSPENDED));
            Metadata stuck = Metadata.builder().withName(RUNS_STUCK).withDescription("Runs no node has taken for "
                    + "several sweeps: leases expired, due runs not claimed, runs failing their recovery").build();
            gauge(stuck, vitals, RunVitals::expiredLeases, new Tag("reason", "expired-lease"));
            gauge(stuck, vitals, RunVitals::overdue, new Tag("reason", "overdue"));
            gauge(stuck, vitals, RunVitals::recovering, new Tag("reason", "recovering"));
            registry.gauge(Metadata.builder().withName(SWEEP_LAG).withDescription("How long the most overdue run "
                            + "has been due without a node claiming it (0 when none is)")
                    .withUnit(MetricUnits.SECONDS).build(), () -> lagSeconds(vitals.get(), now.get()));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not register the engine's gauges and journal timer");
        }
    }

    private void gauge(Metadata metadata, Supplier<RunVitalsCache.Measured> vitals, ToDoubleFunction<RunVitals> value,
                       Tag... tags) {
        registry.gauge(metadata, () -> {
            RunVitalsCache.Measured measured = vitals.get();
            return measured == null ? Double.NaN : value.applyAsDouble(measured.vitals());
        }, tags);
    }

    static double lagSeconds(RunVitalsCache.Measured measured, java.time.Instant now) {
        if (measured == null || measured.vitals().oldestDue() == null) {
            return 0;
        }
        Duration late = Duration.between(measured.vitals().oldestDue(), now);
        return late.isNegative() ? 0 : late.toNanos() / 1e9;
    }

    void journalWritten(Duration took) {
        Timer timer = journalWrite;
        if (timer != null) {
            timer.update(took);
        }
    }

    /**
     * The kept instruments of a workflow, looked up the first time (at the engine's start for every
     * deployed workflow). A registry that fails turns that workflow's metrics off.
     */
    Instruments instruments(String workflow) {
        Instruments found = byWorkflow.get(workflow);
        if (found != null) {
            return found;
        }
        try {
            return byWorkflow.computeIfAbsent(workflow, name -> Instruments.of(registry, name));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not register the metrics of workflow " + workflow);
            return null;
        }
    }
}
