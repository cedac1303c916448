package io.durable.cdi.internal;

import io.durable.api.NotInWorkflowException;
import io.durable.api.RunId;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.EngineClock;
import io.durable.spi.TrackingStore;
import io.durable.spi.WorkflowStore;
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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * The {@link RunTracker}: checks ids, owners and transitions, turns inputs and outputs into small
 * JSON, and merges a durable run's journal into its steps.
 */
@ApplicationScoped
class DefaultRunTracker implements RunTracker {

    private static final int MAX_NAME = 100;

    @Inject
    Instance<TrackingStore> stores;

    @Inject
    WorkflowStore workflows;

    @Inject
    TrackingOwners owners;

    @Inject
    JsonCodec codec;

    @Inject
    @EngineClock
    Clock clock;

    TrackingStore store() {
        if (!stores.isResolvable()) {
            throw new IllegalStateException("Run tracking needs a TrackingStore bean: deploy durable-jpa (JtaTrackingStore) "
                    + "or, in tests, add InMemoryTrackingStore");
        }
        return stores.get();
    }

    @Override
    public String createRun(RunSpec spec) {
        name("runType", spec.runType(), true);
        name("trigger", spec.trigger(), false);
        String id = UUID.randomUUID().toString();
        store().insertRun(new TrackedRun(id, spec.runType(), spec.trigger(), owners.current(), TrackStatus.PENDING,
                json(spec.input()), null, null, Map.of(), clock.instant(), null, null));
        return id;
    }

    @Override
    public void startRun(String runId) {
        TrackedRun run = run(runId).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        if (run.status() != TrackStatus.PENDING) {
            throw new IllegalStateException("Tracked run " + runId + " is " + run.status() + "; only a PENDING run starts");
        }
        store().updateRun(run.with(TrackStatus.RUNNING, null, null, clock.instant(), null));
    }

    @Override
    public void finishRun(String runId, Object output) {
        end(runId, TrackStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failRun(String runId, String error) {
        end(runId, TrackStatus.FAILED, null, error == null ? "failed" : error);
    }

    /** Ends a run (the sync lifecycle uses it too). */
    TrackedRun end(String runId, TrackStatus status, String outputJson, String error) {
        TrackedRun run = run(runId).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        if (run.status().isComplete()) {
            throw new IllegalStateException("Tracked run " + runId + " already ended " + run.status());
        }
        Instant now = clock.instant();
        TrackedRun ended = run.with(status, outputJson, error, run.startedAt() == null ? now : run.startedAt(), now);
        store().updateRun(ended);
        return ended;
    }

    @Override
    public String createStep(String runId, StepSpec spec) {
        name("stepType", spec.stepType(), true);
        String owner = owners.current();
        if (store().findRun(runId, owner).isEmpty()) {
            throw new TrackingNotFoundException("run", runId);
        }
        if (spec.parentStepId() != null && !store().findStep(spec.parentStepId(), owner)
                .map(parent -> parent.runId().equals(runId)).orElse(false)) {
            throw new TrackingNotFoundException("step", spec.parentStepId() + " (the parent, in run " + runId + ")");
        }
        String id = UUID.randomUUID().toString();
        store().insertStep(new TrackedStep(id, runId, spec.parentStepId(), spec.stepType(), TrackStatus.PENDING, null,
                json(spec.input()), null, null, clock.instant(), null, null, false), owner);
        return id;
    }

    @Override
    public void startStep(String stepId) {
        TrackedStep step = step(stepId);
        store().updateStep(step.with(TrackStatus.RUNNING, null, null, clock.instant(), null), owners.current());
    }

    @Override
    public void finishStep(String stepId, Object output) {
        endStep(step(stepId), TrackStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failStep(String stepId, String error) {
        endStep(step(stepId), TrackStatus.FAILED, null, error == null ? "failed" : error);
    }

    private void endStep(TrackedStep step, TrackStatus status, String output, String error) {
        if (step.status().isComplete() && !step.durable()) {
            throw new IllegalStateException("Tracked step " + step.id() + " already ended " + step.status());
        }
        Instant now = clock.instant();
        store().updateStep(step.with(status, output, error, step.startedAt() == null ? now : step.startedAt(), now),
                owners.current());
    }

    @Override
    public String createCall(String stepId, CallSpec spec) {
        name("tool", spec.tool(), true);
        if (spec.operation() == null || spec.operation().isBlank() || spec.operation().length() > 200) {
            throw new IllegalArgumentException("operation must be 1 to 200 characters, got '" + spec.operation() + "'");
        }
        step(stepId);
        String id = UUID.randomUUID().toString();
        store().insertCall(new TrackedCall(id, stepId, spec.tool(), spec.operation(), TrackStatus.RUNNING,
                json(spec.input()), null, null, clock.instant(), null), owners.current());
        return id;
    }

    @Override
    public void finishCall(String callId, Object output) {
        endCall(callId, TrackStatus.COMPLETED, json(output), null);
    }

    @Override
    public void failCall(String callId, String error) {
        endCall(callId, TrackStatus.FAILED, null, error == null ? "failed" : error);
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
        var run = scope.execution().run();
        String runId = run.id().value();
        String stepId = runId + ":" + scope.currentStepKey();
        String owner = owners.current();
        if (store().findStep(stepId, owner).isEmpty()) {
            ensureRun(runId, run.workflowName(), "workflow", owner, run.createdAt());
            String key = scope.currentStepKey();
            String name = key.substring(key.lastIndexOf('/') + 1).replaceFirst("#\\d+$", "");
            store().insertStep(new TrackedStep(stepId, runId, null, name, TrackStatus.RUNNING, null, null, null, null,
                    clock.instant(), clock.instant(), null, true), owner);
        }
        return stepId;
    }

    /** Creates the tracked run of a workflow run when it has none yet (runs started before tracking). */
    void ensureRun(String runId, String runType, String trigger, String owner, Instant createdAt) {
        if (store().ownerOf(runId).isEmpty()) {
            store().insertRun(new TrackedRun(runId, runType, trigger, owner, TrackStatus.RUNNING, null, null, null,
                    Map.of(), createdAt, createdAt, null));
        }
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
        TrackedRun run = store().findRun(runId, owner).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        Map<String, TrackedStep> tracked = new LinkedHashMap<>();
        List<TrackedStep> all = new ArrayList<>();
        for (TrackedStep step : store().listSteps(runId, owner)) {
            tracked.put(step.id(), step);
        }
        for (StepInfo entry : journal(run.id())) {
            if (entry.name().startsWith("@")) {
                continue; // the engine's own entries (sleeps, signals, joins) are not steps
            }
            String id = runId + ":" + entry.stepKey();
            TrackedStep row = tracked.remove(id);
            all.add(new TrackedStep(id, runId, null, entry.name(), status(entry.status()),
                    row == null ? null : row.progress(), null, shorten(entry.resultJson()), entry.error(),
                    entry.startedAt(), entry.startedAt(), entry.status() == StepStatus.RETRYING ? null : entry.finishedAt(),
                    true));
        }
        all.addAll(tracked.values());
        all.sort(Comparator.comparing(TrackedStep::createdAt));
        return all;
    }

    private List<StepInfo> journal(String runId) {
        try {
            return workflows.loadJournal(new RunId(runId)); // empty for a run that is not a workflow run
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    private static TrackStatus status(StepStatus status) {
        return switch (status) {
            case COMPLETED -> TrackStatus.COMPLETED;
            case FAILED -> TrackStatus.FAILED;
            default -> TrackStatus.RUNNING;
        };
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

    /** An input or output as JSON, replaced by a marker when longer than {@link #MAX_JSON}. */
    String json(Object value) {
        if (value == null) {
            return null;
        }
        return shorten(codec.toJson(value, value.getClass(), "a tracked input or output"));
    }

    static String shorten(String json) {
        return json == null || json.length() <= MAX_JSON ? json : "{\"truncated\":" + json.length() + "}";
    }

    static String describe(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getName() : e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() <= 2000 ? message : message.substring(0, 2000) + "...";
    }

    private static void name(String what, String value, boolean required) {
        if (value == null ? required : value.isBlank() || value.length() > MAX_NAME) {
            throw new IllegalArgumentException(what + " must be 1 to " + MAX_NAME + " characters, got "
                    + (value == null ? "none" : "'" + value + "'"));
        }
    }
}
