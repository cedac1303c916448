package io.durable.jpa.internal;

import io.durable.api.RunStatus;
import io.durable.api.StepStatus;
import io.durable.sync.ResourceLock;
import io.durable.track.StepLink;
import io.durable.track.StepProgress;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedStep;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.durable.jpa.internal.Mapping.instant;
import static io.durable.jpa.internal.Mapping.millis;

/** Between the tracking view and the run, step, call, link and counter rows. */
public final class TrackingMapping {

    private TrackingMapping() {
    }

    /** A step id's run id and step key, or {@code null} when it has no run part. */
    public record StepRef(String runId, String stepKey) {

        /** The step id, {@code RUN_ID:STEP_KEY}. */
        public String id() {
            return runId + ":" + stepKey;
        }
    }

    public static StepRef step(String stepId) {
        int colon = stepId == null ? -1 : stepId.indexOf(':');
        return colon <= 0 || colon == stepId.length() - 1 ? null
                : new StepRef(stepId.substring(0, colon), stepId.substring(colon + 1));
    }

    /** A tracked job's new row: it holds no instance key, so it never takes a workflow's instance id. */
    public static RunEntity toJob(TrackedRun run) {
        RunEntity e = new RunEntity();
        e.id = run.id();
        e.kind = RunEntity.JOB;
        e.owner = run.owner();
        e.workflowName = run.runType();
        e.instanceId = run.id();
        e.trigger = run.trigger();
        e.status = run.status().name();
        e.inputJson = run.inputJson();
        e.outputJson = run.outputJson();
        e.error = run.error();
        e.createdAt = run.createdAt().toEpochMilli();
        e.updatedAt = lastChange(run);
        e.startedAt = millis(run.startedAt());
        e.finishedAt = millis(run.finishedAt());
        return e;
    }

    /** When a job's row last changed, as far as its times tell. */
    public static long lastChange(TrackedRun run) {
        Instant last = run.finishedAt() != null ? run.finishedAt() : run.startedAt() != null ? run.startedAt()
                : run.createdAt();
        return last.toEpochMilli();
    }

    public static TrackedRun toTracked(RunEntity e, Map<String, Long> counters) {
        return new TrackedRun(e.id, e.workflowName, e.trigger, e.owner, RunStatus.valueOf(e.status), e.inputJson,
                e.outputJson, e.error, counters, Instant.ofEpochMilli(e.createdAt), instant(e.startedAt),
                instant(e.finishedAt), RunEntity.WORKFLOW.equals(e.kind));
    }

    public static String id(RunEntity e) {
        return e.id;
    }

    public static String owner(RunEntity e) {
        return e.owner;
    }

    /** A tracked step's new row, at a negative sequence (never a journal position). */
    public static StepEntity toEntity(TrackedStep step, StepRef ref, int sequence) {
        StepEntity e = new StepEntity();
        e.runId = ref.runId();
        e.sequence = sequence;
        e.stepKey = ref.stepKey();
        e.name = step.stepType();
        e.attempt = 1;
        StepRef parent = step(step.parentStepId());
        e.parentStepKey = parent == null ? null : parent.stepKey();
        e.inputJson = step.inputJson();
        e.createdAt = step.createdAt().toEpochMilli();
        e.status = step.status().name();
        e.itemsTotal = step.progress().itemsTotal();
        e.itemsProcessed = step.progress().itemsProcessed();
        e.itemsSucceeded = step.progress().itemsSucceeded();
        e.itemsFailed = step.progress().itemsFailed();
        e.resultJson = step.outputJson();
        e.error = step.error();
        e.startedAt = millis(step.startedAt());
        e.finishedAt = millis(step.finishedAt());
        return e;
    }

    /** Whether a row is one of the engine's own journal entries (a sleep, a signal, a slice), not a step. */
    public static boolean isEngineEntry(StepEntity e) {
        return e.sequence >= 0 && e.name.startsWith("@");
    }

    /** A step row as tracking shows it: a journal entry still retrying or executing is RUNNING. */
    public static TrackedStep toTracked(StepEntity e) {
        boolean journaled = e.sequence >= 0;
        TrackStatus status = switch (e.status) {
            case "RETRYING", "RUNNING" -> TrackStatus.RUNNING;
            default -> TrackStatus.valueOf(e.status);
        };
        Long created = e.createdAt != null ? e.createdAt : e.startedAt != null ? e.startedAt : e.finishedAt;
        boolean open = journaled && !StepStatus.COMPLETED.name().equals(e.status) && !StepStatus.FAILED.name().equals(e.status);
        return new TrackedStep(e.runId + ":" + e.stepKey, e.runId,
                e.parentStepKey == null ? null : e.runId + ":" + e.parentStepKey, e.name, status,
                new StepProgress(e.itemsTotal, e.itemsProcessed, e.itemsSucceeded, e.itemsFailed), e.inputJson,
                e.resultJson, e.error, Instant.ofEpochMilli(created == null ? 0 : created), instant(e.startedAt),
                open ? null : instant(e.finishedAt), journaled);
    }

    public static int sequence(StepEntity e) {
        return e.sequence;
    }

    public static CallEntity toEntity(TrackedCall call, StepRef step) {
        CallEntity e = new CallEntity();
        e.id = call.id();
        e.runId = step.runId();
        e.stepKey = step.stepKey();
        e.tool = call.tool();
        e.operation = call.operation();
        e.inputJson = call.inputJson();
        e.startedAt = call.startedAt().toEpochMilli();
        e.status = call.status().name();
        e.outputJson = call.outputJson();
        e.error = call.error();
        e.finishedAt = millis(call.finishedAt());
        return e;
    }

    public static TrackedCall toTracked(CallEntity e) {
        return new TrackedCall(e.id, e.runId + ":" + e.stepKey, e.tool, e.operation, TrackStatus.valueOf(e.status),
                e.inputJson, e.outputJson, e.error, Instant.ofEpochMilli(e.startedAt), instant(e.finishedAt));
    }

    public static StepLinkEntity toEntity(StepRef step, long sequence, StepLink link) {
        StepLinkEntity e = new StepLinkEntity();
        e.id = UUID.randomUUID().toString();
        e.runId = step.runId();
        e.stepKey = step.stepKey();
        e.sequence = sequence;
        e.linkType = link.linkType();
        e.entityType = link.entityType();
        e.entityId = link.entityId();
        e.externalId = link.externalId();
        return e;
    }

    public static StepLink toRecord(StepLinkEntity e) {
        return new StepLink(e.linkType, e.entityType, e.entityId, e.externalId);
    }

    public static CounterEntity counter(String runId, String name, long value) {
        CounterEntity e = new CounterEntity();
        e.runId = runId;
        e.name = name;
        e.value = value;
        return e;
    }

    public static String counterRun(CounterEntity e) {
        return e.runId;
    }

    public static String counterName(CounterEntity e) {
        return e.name;
    }

    public static long counterValue(CounterEntity e) {
        return e.value;
    }

    public static LockEntity toEntity(ResourceLock lock) {
        LockEntity e = new LockEntity();
        e.resource = lock.resource();
        e.holder = lock.holder();
        e.acquiredAt = lock.acquiredAt().toEpochMilli();
        e.expiresAt = lock.expiresAt().toEpochMilli();
        return e;
    }

    public static ResourceLock toRecord(LockEntity e) {
        return new ResourceLock(e.resource, e.holder, Instant.ofEpochMilli(e.acquiredAt), Instant.ofEpochMilli(e.expiresAt));
    }
}
