package io.durable.cdi.internal.platform;

import io.durable.api.RunInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * The engine's spans in MicroProfile Telemetry (OpenTelemetry): one per execution of a run and one per
 * attempt of a step, and the W3C {@code traceparent} a run is started in, which is stored with it. Does
 * nothing where the OpenTelemetry API is absent (GlassFish) or no {@code OpenTelemetry} bean resolves
 * (Java SE without one). This class names no OpenTelemetry type, so it loads on any server;
 * {@link OpenTelemetryTracing}, which does, is touched only once the API is known to be there.
 *
 * <p>The tracer is looked up once, when the engine starts ({@link #start()}), never on a run's thread.
 * On Payara the {@code OpenTelemetry} bean is MicroProfile Telemetry's, which records only with
 * {@code otel.sdk.disabled=false}; otherwise its spans are not recorded and no trace is stored.
 */
@ApplicationScoped
public class EngineTracing {

    /** Attribute: the run's id. */
    public static final String RUN_ID = "durable.run.id";
    /** Attribute: the run's workflow. */
    public static final String WORKFLOW = "durable.workflow";
    /** Attribute: the lease epoch of this execution (1 for the run's first). */
    public static final String EXECUTION = "durable.run.execution";
    /** Attribute: how the execution ended (FINISHED, PARKED, ABANDONED). */
    public static final String OUTCOME = "durable.run.outcome";
    /** Attribute: the step's key (name and call number). */
    public static final String STEP_KEY = "durable.step.key";
    /** Attribute: the step's name. */
    public static final String STEP_NAME = "durable.step.name";
    /** Attribute: the step's attempt, from 1. */
    public static final String ATTEMPT = "durable.step.attempt";

    private static final Logger LOG = Logger.getLogger(EngineTracing.class.getName());
    private static final String API = "io.opentelemetry.api.OpenTelemetry";

    @Inject
    BeanManager beans;

    // package-private for tests; null: tracing is off
    volatile OpenTelemetryTracing tracing;
    private volatile boolean started;

    static boolean apiPresent() {
        try {
            Class.forName(API, false, EngineTracing.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Looks the tracer up, once, as the engine starts. */
    public synchronized void start() {
        if (started) {
            return;
        }
        started = true;
        if (!apiPresent()) {
            LOG.fine("The OpenTelemetry API is not on the class path; the engine traces nothing");
            return;
        }
        tracing = OpenTelemetryTracing.fromContainer(beans);
    }

    /**
     * The W3C {@code traceparent} of the span current on this thread, to store with a run started now.
     *
     * @return the traceparent, or {@code null} outside a recorded trace or without tracing
     */
    public String currentTraceParent() {
        return currentTraceParent(TraceSpan.NONE);
    }

    /**
     * The W3C {@code traceparent} of the span current on this thread or, where none is (a parallel
     * branch's thread), of the given span: for a child run started by workflow code.
     *
     * @param fallback the span of the execution that starts the run
     * @return the traceparent, or {@code null} outside a recorded trace or without tracing
     */
    public String currentTraceParent(TraceSpan fallback) {
        OpenTelemetryTracing present = tracing;
        return present == null ? null : present.currentTraceParent(fallback);
    }

    /**
     * Starts the span of one execution of a run and makes it current on this thread. The run's first
     * execution (lease epoch 1) is a child of the span it was started in; a later one (resumed after a
     * park or a crash, or taken over) starts a trace of its own with a link to that span.
     *
     * @param run         the run
     * @param traceParent the traceparent stored with it, or {@code null}
     * @param epoch       the lease epoch of this execution
     * @return the span, to close on this thread
     */
    public TraceSpan startRun(RunInfo run, String traceParent, long epoch) {
        OpenTelemetryTracing present = tracing;
        return present == null ? TraceSpan.NONE : present.startRun(run, traceParent, epoch);
    }

    /**
     * Starts the span of one attempt of a step and makes it current on this thread: a child of the span
     * current here, or of the run's span on a thread where none is (a parallel branch).
     *
     * @param run      the run's span
     * @param runInfo  the run
     * @param stepKey  the step's key
     * @param stepName the step's name
     * @param attempt  the attempt, from 1
     * @return the span, to close on this thread
     */
    public TraceSpan startStep(TraceSpan run, RunInfo runInfo, String stepKey, String stepName, int attempt) {
        OpenTelemetryTracing present = tracing;
        return present == null ? TraceSpan.NONE : present.startStep(run, runInfo, stepKey, stepName, attempt);
    }
}
