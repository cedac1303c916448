package io.durable.jpa.internal;

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

/** Between the tracking records and their entities. */
public final class TrackingMapping {

    private TrackingMapping() {
    }

    public static TrackRunEntity toEntity(TrackedRun run) {
        TrackRunEntity e = new TrackRunEntity();
        e.id = run.id();
        e.owner = run.owner();
        e.createdAt = run.createdAt().toEpochMilli();
        e.runType = run.runType();
        e.trigger = run.trigger();
        e.status = run.status().name();
        e.inputJson = run.inputJson();
        e.outputJson = run.outputJson();
        e.error = run.error();
        e.startedAt = millis(run.startedAt());
        e.finishedAt = millis(run.finishedAt());
        return e;
    }

    public static TrackedRun toRecord(TrackRunEntity e, Map<String, Long> counters) {
        return new TrackedRun(e.id, e.runType, e.trigger, e.owner, TrackStatus.valueOf(e.status), e.inputJson,
                e.outputJson, e.error, counters, Instant.ofEpochMilli(e.createdAt), instant(e.startedAt),
                instant(e.finishedAt));
    }

    public static String id(TrackRunEntity e) {
        return e.id;
    }

    public static String owner(TrackRunEntity e) {
        return e.owner;
    }

    public static TrackStepEntity toEntity(TrackedStep step, String owner) {
        TrackStepEntity e = new TrackStepEntity();
        e.id = step.id();
        e.runId = step.runId();
        e.owner = owner;
        e.parentStepId = step.parentStepId();
        e.stepType = step.stepType();
        e.inputJson = step.inputJson();
        e.createdAt = step.createdAt().toEpochMilli();
        e.durable = step.durable();
        e.status = step.status().name();
        e.itemsTotal = step.progress().itemsTotal();
        e.itemsProcessed = step.progress().itemsProcessed();
        e.itemsSucceeded = step.progress().itemsSucceeded();
        e.itemsFailed = step.progress().itemsFailed();
        e.outputJson = step.outputJson();
        e.error = step.error();
        e.startedAt = millis(step.startedAt());
        e.finishedAt = millis(step.finishedAt());
        return e;
    }

    public static TrackedStep toRecord(TrackStepEntity e) {
        return new TrackedStep(e.id, e.runId, e.parentStepId, e.stepType, TrackStatus.valueOf(e.status),
                new StepProgress(e.itemsTotal, e.itemsProcessed, e.itemsSucceeded, e.itemsFailed), e.inputJson,
                e.outputJson, e.error, Instant.ofEpochMilli(e.createdAt), instant(e.startedAt), instant(e.finishedAt),
                e.durable);
    }

    public static TrackCallEntity toEntity(TrackedCall call, String owner) {
        TrackCallEntity e = new TrackCallEntity();
        e.id = call.id();
        e.stepId = call.stepId();
        e.owner = owner;
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

    public static TrackedCall toRecord(TrackCallEntity e) {
        return new TrackedCall(e.id, e.stepId, e.tool, e.operation, TrackStatus.valueOf(e.status), e.inputJson,
                e.outputJson, e.error, Instant.ofEpochMilli(e.startedAt), instant(e.finishedAt));
    }

    public static TrackLinkEntity toEntity(String stepId, long sequence, StepLink link) {
        TrackLinkEntity e = new TrackLinkEntity();
        e.id = UUID.randomUUID().toString();
        e.stepId = stepId;
        e.sequence = sequence;
        e.linkType = link.linkType();
        e.entityType = link.entityType();
        e.entityId = link.entityId();
        e.externalId = link.externalId();
        return e;
    }

    public static StepLink toRecord(TrackLinkEntity e) {
        return new StepLink(e.linkType, e.entityType, e.entityId, e.externalId);
    }

    public static TrackCounterEntity counter(String runId, String name, long value) {
        TrackCounterEntity e = new TrackCounterEntity();
        e.id = counterId(runId, name);
        e.runId = runId;
        e.name = name;
        e.value = value;
        return e;
    }

    public static String counterId(String runId, String name) {
        return runId + "|" + name;
    }

    public static String counterName(TrackCounterEntity e) {
        return e.name;
    }

    public static long counterValue(TrackCounterEntity e) {
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

    /** The run id of a counter row. */
    public static String counterRun(TrackCounterEntity e) {
        return e.runId;
    }
}
