package io.durable.cdi.internal.platform;

import io.durable.api.RunInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.BeanManager;

import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The engine's spans on an OpenTelemetry tracer. Not a bean, and loaded only by {@link EngineTracing}
 * once the API is known to be on the class path. Uses only what OpenTelemetry's API had in 1.29 (what
 * Payara 6 exports): span builders, links, the W3C propagator.
 */
final class OpenTelemetryTracing {

    /** The instrumentation scope of the engine's spans. */
    static final String SCOPE = "io.durable.engine";
    private static final Logger LOG = Logger.getLogger(OpenTelemetryTracing.class.getName());
    private static final String TRACEPARENT = "traceparent";
    private static final AttributeKey<String> LINK_REASON = AttributeKey.stringKey("durable.link");
    private static final TextMapGetter<String> STORED = new TextMapGetter<>() {
        // abstract in the 1.29 API that Payara exports, deprecated (with a default) in later ones
        @Override
        @SuppressWarnings("deprecation")
        public Iterable<String> keys(String carrier) {
            return java.util.List.of(TRACEPARENT);
        }

        @Override
        public String get(String carrier, String key) {
            return TRACEPARENT.equals(key) ? carrier : null;
        }
    };

    private final Tracer tracer;

    OpenTelemetryTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer(SCOPE);
    }

    /**
     * The tracing of the application's {@code OpenTelemetry} bean, or {@code null} when none resolves.
     *
     * @param beans the bean manager of the engine's module
     */
    static OpenTelemetryTracing fromContainer(BeanManager beans) {
        try {
            Instance<OpenTelemetryHolder> holders = beans.createInstance().select(OpenTelemetryHolder.class);
            OpenTelemetry openTelemetry = holders.isResolvable() ? holders.get().openTelemetry() : null;
            if (openTelemetry != null) {
                return new OpenTelemetryTracing(openTelemetry);
            }
            LOG.fine("OpenTelemetry API present but no OpenTelemetry bean resolves; the engine traces nothing");
            return null;
        } catch (RuntimeException | LinkageError e) {
            LOG.log(Level.INFO, "No OpenTelemetry implementation; the engine traces nothing", e);
            return null;
        }
    }

    String currentTraceParent(TraceSpan fallback) {
        Context current = Context.current();
        if (!Span.fromContext(current).getSpanContext().isValid() && fallback instanceof Current execution) {
            current = Context.root().with(execution.span);
        }
        if (!Span.fromContext(current).getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3CTraceContextPropagator.getInstance().inject(current, carrier, Map::put);
        String traceParent = carrier.get(TRACEPARENT);
        return traceParent == null || traceParent.length() > io.durable.spi.NewRun.MAX_TRACE_PARENT ? null : traceParent;
    }

    TraceSpan startRun(RunInfo run, String traceParent, long epoch) {
        SpanBuilder builder = tracer.spanBuilder("durable.run " + run.workflowName())
                .setAttribute(EngineTracing.RUN_ID, run.id().value())
                .setAttribute(EngineTracing.WORKFLOW, run.workflowName())
                .setAttribute(EngineTracing.EXECUTION, epoch);
        SpanContext started = traceParent == null ? SpanContext.getInvalid() : Span.fromContext(
                W3CTraceContextPropagator.getInstance().extract(Context.root(), traceParent, STORED)).getSpanContext();
        if (started.isValid() && epoch <= 1) {
            builder.setParent(Context.root().with(Span.wrap(started)));
        } else {
            // resumed (after a park, a crash, a takeover): a trace of its own, linked to the one that started the run
            builder.setNoParent();
            if (started.isValid()) {
                builder.addLink(started, Attributes.of(LINK_REASON, "started the run"));
            }
        }
        return new Current(builder.startSpan());
    }

    TraceSpan startStep(TraceSpan run, RunInfo runInfo, String stepKey, String stepName, int attempt) {
        Context parent = Context.current();
        if (!Span.fromContext(parent).getSpanContext().isValid() && run instanceof Current current) {
            parent = Context.root().with(current.span);
        }
        return new Current(tracer.spanBuilder("durable.step " + stepName)
                .setParent(parent)
                .setAttribute(EngineTracing.RUN_ID, runInfo.id().value())
                .setAttribute(EngineTracing.WORKFLOW, runInfo.workflowName())
                .setAttribute(EngineTracing.STEP_KEY, stepKey)
                .setAttribute(EngineTracing.STEP_NAME, stepName)
                .setAttribute(EngineTracing.ATTEMPT, attempt)
                .startSpan());
    }

    /** A span made current on the thread that started it. */
    private static final class Current implements TraceSpan {
        private final Span span;
        private final Scope scope;

        Current(Span span) {
            this.span = span;
            this.scope = span.makeCurrent();
        }

        @Override
        public void failed(Throwable failure) {
            span.recordException(failure);
            span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        }

        @Override
        public void attribute(String key, String value) {
            if (value != null) {
                span.setAttribute(key, value);
            }
        }

        @Override
        public void close() {
            try {
                scope.close();
            } finally {
                span.end();
            }
        }
    }
}
