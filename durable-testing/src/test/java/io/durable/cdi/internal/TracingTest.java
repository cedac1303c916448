package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.spi.WorkflowStore;
import io.durable.testing.InMemoryWorkflowStore;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Telemetry: the engine on the real OpenTelemetry SDK, whose spans an in-memory exporter
 * keeps. A run started inside a traced request executes in a span that is a child of the request's,
 * each step's attempt in a span that is a child of the run's, with the run id, workflow, step key and
 * attempt as attributes; the request's traceparent is stored with the run, and an execution resumed
 * after a park starts a trace of its own that links to the request's span.
 */
@EnableWeld
class TracingTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
            .addExtension(new DurableExtension())
            .addBeanClasses(InMemoryWorkflowStore.class, TestEngineConfig.class, TestEngineConfig.ManualWait.class,
                    Probe.class, TestWorkflows.OrderSteps.class, TestWorkflows.OrderWorkflow.class,
                    TimeWorkflows.TimeSteps.class, TimeWorkflows.SleeperWorkflow.class, CompositionWorkflows.Steps.class,
                    CompositionWorkflows.ParentWorkflow.class, CompositionWorkflows.ChildWorkflow.class, Telemetry.class))
            .build();

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestEngineConfig config;

    @Inject
    Telemetry telemetry;

    /** The application's OpenTelemetry, as MicroProfile Telemetry's bean would be on a server. */
    @ApplicationScoped
    static class Telemetry {
        final InMemorySpanExporter spans = InMemorySpanExporter.create();
        final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
                .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
                .build();

        @Produces
        OpenTelemetry openTelemetry() {
            return sdk;
        }

        // through methods: the injected reference is a client proxy
        InMemorySpanExporter spans() {
            return spans;
        }

        OpenTelemetrySdk sdk() {
            return sdk;
        }
    }

    @Test
    void a_run_started_in_a_request_executes_in_a_child_span_with_its_steps_as_children() {
        Span request = telemetry.sdk().getTracer("test").spanBuilder("POST /orders").startSpan();
        RunId id;
        try (Scope ignored = request.makeCurrent()) {
            id = engine.start(TestWorkflows.OrderWorkflow.class, "t-1", new TestWorkflows.Order("t-1",
                    List.of(new TestWorkflows.Line("a", 2), new TestWorkflows.Line("b", 1)), null));
        } finally {
            request.end();
        }
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());

        SpanData run = awaitSpan(s -> s.getName().equals("durable.run order"));
        assertEquals(request.getSpanContext().getTraceId(), run.getTraceId(), "in the request's trace");
        assertEquals(request.getSpanContext().getSpanId(), run.getParentSpanId(), "a child of the request's span");
        assertEquals(id.value(), run.getAttributes().get(AttributeKey.stringKey("durable.run.id")));
        assertEquals("order", run.getAttributes().get(AttributeKey.stringKey("durable.workflow")));
        assertEquals(1L, run.getAttributes().get(AttributeKey.longKey("durable.run.execution")));
        assertEquals("FINISHED", run.getAttributes().get(AttributeKey.stringKey("durable.run.outcome")));

        List<String> journaled = engine.steps(id).stream().map(StepInfo::stepKey).toList();
        assertEquals(List.of("reserve#1", "reserve#2", "charge#1", "ship#1"), journaled);
        List<SpanData> steps = telemetry.spans().getFinishedSpanItems().stream()
                .filter(s -> s.getName().startsWith("durable.step ")).toList();
        assertEquals(journaled, steps.stream().map(s -> s.getAttributes().get(AttributeKey.stringKey("durable.step.key")))
                .toList(), "a span per step, in order");
        for (SpanData step : steps) {
            assertEquals(run.getSpanId(), step.getParentSpanId(), step.getName() + " is a child of the run's span");
            assertEquals(run.getTraceId(), step.getTraceId());
            assertEquals(id.value(), step.getAttributes().get(AttributeKey.stringKey("durable.run.id")));
            assertEquals("order", step.getAttributes().get(AttributeKey.stringKey("durable.workflow")));
            assertEquals(1L, step.getAttributes().get(AttributeKey.longKey("durable.step.attempt")));
        }
        assertEquals("durable.step charge", steps.get(2).getName());
        assertEquals(traceParent(request.getSpanContext()), store.findRun(id).orElseThrow().traceParent(),
                "the request's traceparent is stored with the run");
    }

    @Test
    void a_run_resumed_after_a_sleep_starts_a_trace_of_its_own_linked_to_the_one_that_started_it() {
        Span request = telemetry.sdk().getTracer("test").spanBuilder("POST /reminders").startSpan();
        RunId id;
        try (Scope ignored = request.makeCurrent()) {
            id = engine.start(TimeWorkflows.SleeperWorkflow.class, "t-2", "ann");
        } finally {
            request.end();
        }
        SpanData parked = awaitSpan(s -> s.getName().equals("durable.run sleeper")
                && "PARKED".equals(s.getAttributes().get(AttributeKey.stringKey("durable.run.outcome"))));
        assertEquals(request.getSpanContext().getSpanId(), parked.getParentSpanId());
        awaitIdle();

        config.manualClock().advance(Duration.ofDays(365));
        dispatcher.poll();
        assertEquals("reminded ann after 365 days", engine.awaitResult(id, String.class, WAIT));

        SpanData resumed = awaitSpan(s -> s.getName().equals("durable.run sleeper")
                && "FINISHED".equals(s.getAttributes().get(AttributeKey.stringKey("durable.run.outcome"))));
        assertNotEquals(request.getSpanContext().getTraceId(), resumed.getTraceId(), "a trace of its own");
        assertFalse(resumed.getParentSpanContext().isValid(), "a root span");
        assertEquals(2L, resumed.getAttributes().get(AttributeKey.longKey("durable.run.execution")));
        List<LinkData> links = resumed.getLinks();
        assertEquals(1, links.size());
        assertEquals(request.getSpanContext().getTraceId(), links.get(0).getSpanContext().getTraceId());
        assertEquals(request.getSpanContext().getSpanId(), links.get(0).getSpanContext().getSpanId(),
                "linked to the span the run was started in");
        SpanData remind = awaitSpan(s -> s.getName().equals("durable.step remind"));
        assertEquals(resumed.getSpanId(), remind.getParentSpanId());
    }

    @Test
    void child_runs_started_on_parallel_branches_execute_in_children_of_the_parents_execution_span() {
        Span request = telemetry.sdk().getTracer("test").spanBuilder("POST /families").startSpan();
        RunId id;
        try (Scope ignored = request.makeCurrent()) {
            id = engine.startJson("parent", "t-4", "\"anna,bob\"");
        } finally {
            request.end();
        }
        assertEquals("anna-quote bob-quote", engine.awaitResult(id, String.class, WAIT));

        SpanData parent = awaitSpan(s -> s.getName().equals("durable.run parent")
                && Long.valueOf(1).equals(s.getAttributes().get(AttributeKey.longKey("durable.run.execution"))));
        assertEquals(request.getSpanContext().getSpanId(), parent.getParentSpanId());
        List<SpanData> children = awaitSpans(s -> s.getName().equals("durable.run child"), 2);
        for (SpanData child : children) {
            assertEquals(parent.getSpanId(), child.getParentSpanId(), "started on a branch's thread, still the parent's");
            assertEquals(request.getSpanContext().getTraceId(), child.getTraceId());
        }
    }

    @Test
    void a_run_started_outside_a_trace_executes_in_a_root_span_and_stores_no_trace() {
        RunId id = engine.start(TestWorkflows.OrderWorkflow.class, "t-3", new TestWorkflows.Order("t-3",
                List.of(new TestWorkflows.Line("a", 1)), null));
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());

        SpanData run = awaitSpan(s -> s.getName().equals("durable.run order"));
        assertFalse(run.getParentSpanContext().isValid());
        assertTrue(run.getLinks().isEmpty());
        assertNull(store.findRun(id).orElseThrow().traceParent());
    }

    private static String traceParent(SpanContext context) {
        return "00-" + context.getTraceId() + "-" + context.getSpanId() + "-" + context.getTraceFlags().asHex();
    }

    /** Waits until a finished span matches: a run's span ends on its worker thread after the run's end is stored. */
    private SpanData awaitSpan(Predicate<SpanData> matching) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            for (SpanData span : telemetry.spans().getFinishedSpanItems()) {
                if (matching.test(span)) {
                    return span;
                }
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new AssertionError("no such span among " + telemetry.spans().getFinishedSpanItems());
    }

    /** Waits until this many finished spans match, and returns them. */
    private List<SpanData> awaitSpans(Predicate<SpanData> matching, int count) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<SpanData> found = List.of();
        while (System.nanoTime() < deadline) {
            found = telemetry.spans().getFinishedSpanItems().stream().filter(matching).toList();
            if (found.size() >= count) {
                return found;
            }
            LockSupport.parkNanos(1_000_000);
        }
        throw new AssertionError("found " + found.size() + " of " + count + " spans: " + found);
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (dispatcher.executingCount() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the execution did not stop");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
