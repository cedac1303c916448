package io.durable.cdi.internal.tracking;

import io.durable.api.Limit;
import io.durable.api.NotInWorkflowException;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.spi.EngineClock;
import io.durable.spi.TrackingStore;
import io.durable.track.CallSpec;
import io.durable.track.RunSpec;
import io.durable.track.RunSummary;
import io.durable.track.RunTracker;
import io.durable.track.StepLink;
import io.durable.track.StepProgress;
import io.durable.track.StepSpec;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedCallException;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import io.durable.track.Tracking;
import io.durable.track.TrackingNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The {@link RunTracker}: checks ids, owners and transitions, and turns inputs and outputs into small
 * JSON. A workflow run and its journaled steps are the engine's rows, read here as they are: the
 * tracker ends only tracked jobs and their tracked steps.
 */
@ApplicationScoped
public class DefaultRunTracker implements RunTracker {


    @Inject
    Instance<TrackingStore> stores;

    @Inject
    TrackingOwners owners;

    @Inject
    JsonCodec codec;

    @Inject
    @EngineClock
    Clock clock;

    public TrackingStore store() {
        if (!stores.isResolvable()) {
            throw new IllegalStateException("Run tracking needs a TrackingStore bean: deploy durable-jpa (JtaTrackingStore) "
                    + "or, in tests, use durable-testing (@WorkflowTest brings io.durable.testing.InMemoryTrackingStore)");
        }
        return stores.get();
    }

    @Override
    public String createRun(RunSpec spec) {
        name("runType", spec.runType(), true);
        name("trigger", spec.trigger(), false);
        String id = UUID.randomUUID().toString();
        store().insertRun(new TrackedRun(id, spec.runType(), spec.trigger(), owners.current(), RunStatus.PENDING,
                json(spec.input()), null, null, Map.of(), clock.instant(), null, null, false));
        return id;
    }

    @Override
    public void startRun(String runId) {
        TrackedRun run = job(runId);
        if (run.status() != RunStatus.PENDING) {
            throw new IllegalStateException("Tracked run " + runId + " is " + run.status() + "; only a PENDING run starts");
        }
        store().updateRun(run.with(RunStatus.RUNNING, null, null, clock.instant(), null));
    }

    @Override
    public void finishRun(String runId, Object output) {
        end(runId, RunStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failRun(String runId, String error) {
        end(runId, RunStatus.FAILED, null, error == null ? "failed" : Limit.ERROR.fit(error));
    }

    /** Ends a tracked job (the plain sync lifecycle uses it too). */
    public TrackedRun end(String runId, RunStatus status, String outputJson, String error) {
        TrackedRun run = job(runId);
        if (run.status().isTerminal()) {
            throw new IllegalStateException("Tracked run " + runId + " already ended " + run.status());
        }
        Instant now = clock.instant();
        TrackedRun ended = run.with(status, outputJson, error, run.startedAt() == null ? now : run.startedAt(), now);
        store().updateRun(ended);
        return ended;
    }

    /** A tracked job of the caller's owner: a workflow run is the engine's to start and end. */
    private TrackedRun job(String runId) {
        TrackedRun run = run(runId).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        if (run.workflow()) {
            throw new IllegalStateException("Run " + runId + " is a workflow run: the engine starts and ends it "
                    + "(cancel it through WorkflowEngine); the tracker starts and ends only tracked jobs");
        }
        return run;
    }

    @Override
    public String createStep(String runId, StepSpec spec) {
        name("stepType", spec.stepType(), true);
        String owner = owners.current();
        if (spec.parentStepId() != null && !store().findStep(spec.parentStepId(), owner)
                .map(parent -> parent.runId().equals(runId)).orElse(false)) {
            throw new TrackingNotFoundException("step", spec.parentStepId() + " (the parent, in run " + runId + ")");
        }
        String id = TrackingStore.newStepId(runId);
        if (!store().insertStep(new TrackedStep(id, runId, spec.parentStepId(), spec.stepType(), TrackStatus.PENDING, null,
                json(spec.input()), null, null, clock.instant(), null, null, false), owner)) {
            throw new TrackingNotFoundException("run", runId);
        }
        return id;
    }

    @Override
    public void startStep(String stepId) {
        TrackedStep step = trackedStep(stepId);
        store().updateStep(step.with(TrackStatus.RUNNING, null, null, clock.instant(), null), owners.current());
    }

    @Override
    public void finishStep(String stepId, Object output) {
        endStep(trackedStep(stepId), TrackStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failStep(String stepId, String error) {
        endStep(trackedStep(stepId), TrackStatus.FAILED, null, error == null ? "failed" : Limit.ERROR.fit(error));
    }

    private void endStep(TrackedStep step, TrackStatus status, String output, String error) {
        if (step.status().isComplete()) {
            throw new IllegalStateException("Tracked step " + step.id() + " already ended " + step.status());
        }
        Instant now = clock.instant();
        store().updateStep(step.with(status, output, error, step.startedAt() == null ? now : step.startedAt(), now),
                owners.current());
    }

    /** A step the tracker may start and end: a journaled step's outcome is its journal entry's. */
    private TrackedStep trackedStep(String stepId) {
        TrackedStep step = step(stepId);
        if (step.durable()) {
            throw new IllegalStateException("Step " + stepId + " is a journaled step of a workflow: it starts and ends "
                    + "with its body; the tracker starts and ends only the steps it created");
        }
        return step;
    }

    @Override
    public String createCall(String stepId, CallSpec spec) {
        name("tool", spec.tool(), true);
        if (spec.operation() == null || spec.operation().isBlank()) {
            throw new IllegalArgumentException("a call needs an operation");
        }
        Limit.OPERATION.check(spec.operation());
        step(stepId);
        String id = UUID.randomUUID().toString();
        if (!store().insertCall(new TrackedCall(id, stepId, spec.tool(), spec.operation(), TrackStatus.RUNNING,
                json(spec.input()), null, null, clock.instant(), null), owners.current())) {
            throw new TrackingNotFoundException("step", stepId);
        }
        return id;
    }

    @Override
    public void finishCall(String callId, Object output) {
        endCall(callId, TrackStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failCall(String callId, String error) {
        endCall(callId, TrackStatus.FAILED, null, error == null ? "failed" : Limit.ERROR.fit(error));
    }

    private void endCall(String callId, TrackStatus status, String output, String error) {
        String owner = owners.current();
        TrackedCall call = store().findCall(callId, owner).orElseThrow(() -> new TrackingNotFoundException("call", callId));
        if (call.status().isComplete()) {
            throw new IllegalStateException("Tracked call " + callId + " already ended " + call.status());
        }
        store().updateCall(call.with(status, output, error, clock.instant()), owner);
    }

    @Override
    public <T> T executeRun(RunSpec spec, Function<String, T> body) {
        String runId = createRun(spec);
        startRun(runId);
        T result;
        try {
            result = body.apply(runId);
        } catch (RuntimeException | Error e) {
            failRun(runId, describe(e));
            throw e;
        }
        finishRun(runId, result);
        return result;
    }

    @Override
    public <T> T executeStep(String runId, StepSpec spec, Function<String, T> body) {
        String stepId = createStep(runId, spec);
        startStep(stepId);
        T result;
        try {
            result = body.apply(stepId);
        } catch (RuntimeException | Error e) {
            failStep(stepId, describe(e));
            throw e;
        }
        finishStep(stepId, result);
        return result;
    }

    @Override
    public <T> T executeCall(String stepId, CallSpec spec, Callable<T> body) {
        String callId = createCall(stepId, spec);
        T result;
        try {
            result = body.call();
        } catch (RuntimeException | Error e) {
            failCall(callId, describe(e));
            throw e;
        } catch (Exception e) {
            failCall(callId, describe(e));
            throw new TrackedCallException(callId, spec.operation(), e);
        }
        finishCall(callId, result);
        return result;
    }

    @Override
    public String currentStep() {
        Scope scope = Scope.current();
        if (scope == null || !scope.inStep()) {
            throw new NotInWorkflowException("currentStep");
        }
        // the step's own journal row, written early as RUNNING, carries its progress; its outcome replaces it
        if (!scope.openStepEntry()) {
            throw new WorkflowUsageException("currentStep() was called in compensation " + scope.currentStepKey()
                    + " of run " + scope.execution().run().id() + ": a compensation's journal entry is written only"
                    + " when it completes, so it has no step row to track; count its work on the run with"
                    + " incrementRunOutput instead");
        }
        return scope.execution().run().id().value() + ":" + scope.currentStepKey();
    }

    @Override
    public void updateStepProgress(String stepId, StepProgress progress) {
        store().updateStep(step(stepId).with(progress), owners.current());
    }

    @Override
    public void incrementRunOutput(String runId, Map<String, Long> increments) {
        increments.keySet().forEach(name -> name("counter name", name, true));
        if (!store().incrementCounters(runId, owners.current(), increments)) {
            throw new TrackingNotFoundException("run", runId);
        }
    }

    @Override
    public void linkStep(String stepId, StepLink link) {
        if (!store().insertLink(stepId, owners.current(), link)) {
            throw new TrackingNotFoundException("step", stepId);
        }
    }

    @Override
    public List<StepLink> stepLinks(String stepId) {
        step(stepId);
        return store().listLinks(stepId, owners.current());
    }

    @Override
    public Optional<TrackedRun> run(String runId) {
        return store().findRun(runId, owners.current());
    }

    @Override
    public List<TrackedStep> steps(String runId) {
        String owner = owners.current();
        if (store().findRun(runId, owner).isEmpty()) {
            throw new TrackingNotFoundException("run", runId);
        }
        return store().listSteps(runId, owner).stream()
                .map(step -> step.durable() ? step.with(step.status(), shorten(step.outputJson()), step.error(),
                        step.startedAt(), step.finishedAt()) : step)
                .toList();
    }

    @Override
    public List<TrackedCall> calls(String stepId) {
        step(stepId);
        return store().listCalls(stepId, owners.current());
    }

    @Override
    public List<TrackedRun> runs(TrackedRunQuery query) {
        return store().listRuns(query, owners.current());
    }

    @Override
    public RunSummary summary(String runId) {
        TrackedRun run = run(runId).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        return Tracking.summary(run, steps(runId), clock.instant());
    }

    private TrackedStep step(String stepId) {
        return store().findStep(stepId, owners.current()).orElseThrow(() -> new TrackingNotFoundException("step", stepId));
    }

    /** An input or output as JSON, replaced by a marker when longer than {@link Limit#TRACKED_JSON}. */
    public String json(Object value) {
        if (value == null) {
            return null;
        }
        return shorten(codec.toJson(value, value.getClass(), "a tracked input or output"));
    }

    static String shorten(String json) {
        return json == null || json.length() <= Limit.TRACKED_JSON.max() ? json : "{\"truncated\":" + json.length() + "}";
    }

    public static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() <= 2000 ? message : message.substring(0, 2000) + "...";
    }

    private static void name(String what, String value, boolean required) {
        if (value == null ? required : value.isBlank()) {
            throw new IllegalArgumentException(what + " must not be blank, got " + (value == null ? "none" : "'" + value + "'"));
        }
        Limit.TRACKED_NAME.check(value);
    }
}
