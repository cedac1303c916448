package io.durable.cdi.internal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;

import java.time.Duration;
import java.util.logging.Logger;

/**
 * Publishes the engine's MicroProfile Metrics in the application registry: runs started, completed
 * and failed, and step durations, tagged by workflow. Does nothing where no Metrics implementation
 * is present (Java SE tests).
 */
@ApplicationScoped
public class EngineMetrics {

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class.getName());

    @Inject
    Instance<MetricRegistry> registries;

    private MetricRegistry registry;

    @PostConstruct
    void init() {
        try {
            registry = registries.isResolvable() ? registries.get() : null;
        } catch (RuntimeException | LinkageError e) {
            LOG.fine("MicroProfile Metrics is not available; engine metrics are off");
            registry = null;
        }
    }

    public void runStarted(String workflow) {
        count("durable.runs.started", workflow);
    }

    public void runCompleted(String workflow) {
        count("durable.runs.completed", workflow);
    }

    public void runFailed(String workflow) {
        count("durable.runs.failed", workflow);
    }

    public void runCancelled(String workflow) {
        count("durable.runs.cancelled", workflow);
    }

    public void runCompensated(String workflow) {
        count("durable.runs.compensated", workflow);
    }

    /** A run became BLOCKED: its code or an operator must act. */
    public void runBlocked(String workflow) {
        count("durable.runs.blocked", workflow);
    }

    public void runContinued(String workflow) {
        count("durable.runs.continued", workflow);
    }

    public void stepRetried(String workflow) {
        count("durable.step.retries", workflow);
    }

    public void stepFinished(String workflow, Duration duration) {
        if (registry != null) {
            registry.timer("durable.step.duration", new Tag("workflow", workflow)).update(duration);
        }
    }

    private void count(String name, String workflow) {
        if (registry != null) {
            registry.counter(name, new Tag("workflow", workflow)).inc();
        }
    }
}
