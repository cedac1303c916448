package io.durable.cdi.internal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.Timer;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes the engine's MicroProfile Metrics in the application registry: runs started, completed
 * and failed, and step durations, tagged by workflow. Does nothing where no Metrics implementation
 * is present (Java SE tests).
 *
 * <p>Every instrument is looked up once, when the engine starts ({@link #start}), and kept: a
 * registry lookup may consult the container's configuration, which on a clustered Payara reads the
 * data grid and waits for a member that stopped answering (50 s seen). Recording on a kept
 * instrument is local, so a run's steps never wait for another node's health.
 */
@ApplicationScoped
public class EngineMetrics {

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    // package-private for the test, which gives a registry without a container
    MetricRegistry registry;
    private final Map<String, Instruments> byWorkflow = new ConcurrentHashMap<>();

    /** One workflow's instruments. */
    private record Instruments(Counter started, Counter completed, Counter failed, Counter cancelled,
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
    }

    @PostConstruct
    void init() {
        try {
            registry = registries.isResolvable() ? registries.get() : null;
        } catch (RuntimeException | LinkageError e) {
            LOG.fine("MicroProfile Metrics is not available; engine metrics are off");
            registry = null;
        }
    }

    /**
     * Looks up the instruments of every deployed workflow, before any run executes.
     *
     * @param workflows the names of the deployed workflows
     */
    public void start(Collection<String> workflows) {
        workflows.forEach(this::instruments);
    }

    public void runStarted(String workflow) {
        instruments(workflow, i -> i.started().inc());
    }

    public void runCompleted(String workflow) {
        instruments(workflow, i -> i.completed().inc());
    }

    public void runFailed(String workflow) {
        instruments(workflow, i -> i.failed().inc());
    }

    public void runCancelled(String workflow) {
        instruments(workflow, i -> i.cancelled().inc());
    }

    public void runCompensated(String workflow) {
        instruments(workflow, i -> i.compensated().inc());
    }

    /** A run became BLOCKED: its code or an operator must act. */
    public void runBlocked(String workflow) {
        instruments(workflow, i -> i.blocked().inc());
    }

    public void runContinued(String workflow) {
        instruments(workflow, i -> i.continued().inc());
    }

    public void stepRetried(String workflow) {
        instruments(workflow, i -> i.retries().inc());
    }

    public void stepFinished(String workflow, Duration duration) {
        instruments(workflow, i -> i.stepDuration().update(duration));
    }

    private void instruments(String workflow, java.util.function.Consumer<Instruments> record) {
        Instruments found = instruments(workflow);
        if (found != null) {
            record.accept(found);
        }
    }

    /**
     * The kept instruments; a workflow the start did not know (a run started before the engine
     * started) is looked up once here. A registry that fails turns that workflow's metrics off.
     */
    private Instruments instruments(String workflow) {
        if (registry == null || workflow == null) {
            return null;
        }
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
