package io.durable.cdi.internal.platform;

import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's instruments in a MicroProfile Metrics registry. Not a bean, and loaded only by
 * {@link EngineMetrics} once the API is known to be on the class path: a bean with a
 * {@code MetricRegistry} injection point fails the deployment where the API is missing.
 */
final class MicroProfileMetrics {

    private static final Logger LOG = Logger.getLogger(MicroProfileMetrics.class.getName());

    private final MetricRegistry registry;
    private final Map<String, Instruments> byWorkflow = new ConcurrentHashMap<>();

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
            return new Instruments(registry.counter("durable.runs.started", tag),
                    registry.counter("durable.runs.completed", tag), registry.counter("durable.runs.failed", tag),
                    registry.counter("durable.runs.cancelled", tag), registry.counter("durable.runs.compensated", tag),
                    registry.counter("durable.runs.blocked", tag), registry.counter("durable.runs.continued", tag),
                    registry.counter("durable.step.retries", tag), registry.timer("durable.step.duration", tag));
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
