package io.durable.cdi.internal.platform;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import io.durable.spi.EngineClock;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.logging.Logger;

/**
 * Publishes the engine's MicroProfile Metrics in the application registry: runs started, completed
 * and failed, and step durations, tagged by workflow; the journal write latency; gauges of unfinished
 * runs by status, parked and stuck runs and the sweep's lag, from the counts {@link RunVitalsCache}
 * keeps (read at most every few seconds, never by a scrape itself). Does nothing where MicroProfile Metrics is
 * absent: neither its API (GlassFish, WildFly ship none) nor an implementation (Java SE). This class
 * names no MicroProfile Metrics type, so it loads on any server; {@link MicroProfileMetrics}, which
 * does, is touched only once the API is known to be there.
 *
 * <p>Every instrument is looked up once, when the engine starts ({@link #start}), and kept: a
 * registry lookup may consult the container's configuration, which on a clustered Payara reads the
 * data grid and waits for a member that stopped answering (50 s seen). Recording on a kept
 * instrument is local, so a run's steps never wait for another node's health.
 */
@ApplicationScoped
public class EngineMetrics {

    private static final Logger LOG = Logger.getLogger(EngineMetrics.class.getName());
    private static final String API = "org.eclipse.microprofile.metrics.MetricRegistry";
    /** How long a gauge read waits for counts it asked for (the others answer with the latest at once). */
    private static final Duration GAUGE_WAIT = Duration.ofSeconds(1);

    @Inject
    BeanManager beans;

    @Inject
    RunVitalsCache vitals;

    @Inject
    @EngineClock
    Clock clock;

    // package-private for the test, which gives a registry without a container; null: metrics are off
    MicroProfileMetrics metrics;

    @PostConstruct
    void init() {
        if (!apiPresent()) {
            LOG.fine("MicroProfile Metrics is not on the class path; engine metrics are off");
            return;
        }
        metrics = MicroProfileMetrics.fromContainer(beans);
    }

    static boolean apiPresent() {
        try {
            Class.forName(API, false, EngineMetrics.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * Looks up the instruments of every deployed workflow, before any run executes.
     *
     * @param workflows the names of the deployed workflows
     */
    public void start(Collection<String> workflows) {
        if (metrics != null) {
            workflows.forEach(metrics::instruments);
            metrics.startShared(() -> vitals.latest(GAUGE_WAIT).orElse(null), clock::instant);
        }
    }

    /**
     * A plain step's journal entry was written.
     *
     * @param took from the write's start to its commit, retries included
     */
    public void journalWritten(Duration took) {
        MicroProfileMetrics present = metrics;
        if (present != null) {
            present.journalWritten(took);
        }
    }

    public void runStarted(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.STARTED);
        }
    }

    public void runCompleted(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.COMPLETED);
        }
    }

    public void runFailed(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.FAILED);
        }
    }

    public void runCancelled(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.CANCELLED);
        }
    }

    public void runCompensated(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.COMPENSATED);
        }
    }

    /** A run became BLOCKED: its code or an operator must act. */
    public void runBlocked(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.BLOCKED);
        }
    }

    public void runContinued(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.CONTINUED);
        }
    }

    public void stepRetried(String workflow) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.record(workflow, MicroProfileMetrics.Event.RETRIED);
        }
    }

    public void stepFinished(String workflow, Duration duration) {
        MicroProfileMetrics present = metrics;
        if (present != null && workflow != null) {
            present.stepFinished(workflow, duration);
        }
    }
}
