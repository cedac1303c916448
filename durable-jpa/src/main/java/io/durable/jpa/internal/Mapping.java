package io.durable.jpa.internal;

import io.durable.api.Approval;
import io.durable.api.ApprovalStatus;
import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.NewRun;
import io.durable.spi.StoreFailure;
import io.durable.spi.StoredRun;

import java.time.Instant;
import java.util.List;

/** Converts between entities and the SPI's values. */
public final class Mapping {

    /**
     * RUNNING and COMPENSATING by name: the statuses in which an execution holds its run's lease and
     * writes to it, as the fenced statements' {@code status IN (?, ?)} takes them.
     */
    public static final List<String> EXECUTING = List.of(RunStatus.RUNNING.name(), RunStatus.COMPENSATING.name());

    private Mapping() {
    }

    public static RunEntity toEntity(NewRun run) {
        RunEntity e = new RunEntity();
        e.id = run.id().value();
        e.workflowName = run.workflowName();
        e.workflowVersion = run.workflowVersion();
        e.instanceId = run.instanceId();
        e.instanceKey = run.instanceId();
        e.kind = RunEntity.WORKFLOW;
        e.owner = run.owner();
        e.trigger = run.parentRunId() == null ? "workflow" : "child";
        e.parentRunId = run.parentRunId() == null ? null : run.parentRunId().value();
        e.parentStepKey = run.parentStepKey();
        e.status = RunStatus.PENDING.name();
        e.inputJson = run.inputJson();
        e.traceParent = run.traceParent();
        e.createdAt = run.createdAt().toEpochMilli();
        e.updatedAt = e.createdAt;
        return e;
    }

    public static StoredRun toStored(RunEntity e) {
        return new StoredRun(toInfo(e), e.leaseOwner, e.leaseEpoch, instant(e.leaseExpiresAt), e.traceParent);
    }

    public static RunInfo toInfo(RunEntity e) {
        return new RunInfo(new RunId(e.id), e.workflowName, e.workflowVersion, e.instanceId, RunStatus.valueOf(e.status),
                e.inputJson, e.outputJson, e.error, Instant.ofEpochMilli(e.createdAt), Instant.ofEpochMilli(e.updatedAt),
                instant(e.finishedAt), instant(e.wakeAt), e.waitingFor, e.paused, action(e), runId(e.parentRunId),
                e.parentStepKey, runId(e.continuedAs), e.owner, RunEntity.JOB.equals(e.kind));
    }

    private static RunId runId(String id) {
        return id == null ? null : new RunId(id);
    }

    public static ApprovalEntity toEntity(Approval approval) {
        ApprovalEntity e = new ApprovalEntity();
        e.id = java.util.UUID.randomUUID().toString();
        e.runId = approval.runId().value();
        e.workflowName = approval.workflowName();
        e.key = approval.key();
        e.status = approval.status().name();
        e.requestedAt = approval.requestedAt().toEpochMilli();
        e.expiresAt = approval.expiresAt().toEpochMilli();
        e.actor = approval.actor();
        e.reason = approval.reason();
        e.decidedAt = millis(approval.decidedAt());
        return e;
    }

    public static Approval toApproval(ApprovalEntity e) {
        return new Approval(new RunId(e.runId), e.workflowName, e.key, ApprovalStatus.valueOf(e.status),
                Instant.ofEpochMilli(e.requestedAt), Instant.ofEpochMilli(e.expiresAt), e.actor, e.reason,
                instant(e.decidedAt));
    }

    private static OperatorAction action(RunEntity e) {
        return e.actionKind == null ? null : new OperatorAction(OperatorAction.Kind.valueOf(e.actionKind), e.actionActor,
                e.actionReason, Instant.ofEpochMilli(e.actionAt));
    }

    public static SignalEntity toEntity(io.durable.spi.NewSignal signal) {
        SignalEntity e = new SignalEntity();
        e.id = signal.id();
        e.runId = signal.runId().value();
        e.name = signal.name();
        e.payloadJson = signal.payloadJson();
        e.idempotencyKey = signal.idempotencyKey();
        e.sentAt = signal.sentAt().toEpochMilli();
        return e;
    }

    public static io.durable.spi.StoredSignal toStored(SignalEntity e) {
        return new io.durable.spi.StoredSignal(e.id, e.name, e.payloadJson, Instant.ofEpochMilli(e.sentAt));
    }

    public static io.durable.api.SignalInfo toInfo(SignalEntity e) {
        return new io.durable.api.SignalInfo(e.id, e.name, e.payloadJson, Instant.ofEpochMilli(e.sentAt), e.consumed);
    }

    public static StepEntity toEntity(RunId runId, StepInfo s) {
        StepEntity e = new StepEntity();
        e.runId = runId.value();
        e.sequence = s.sequence();
        e.stepKey = s.stepKey();
        e.name = s.name();
        e.status = s.status().name();
        e.attempt = s.attempt();
        e.argsHash = s.argsHash();
        e.resultJson = s.resultJson();
        e.errorType = s.errorType();
        e.error = s.error();
        e.startedAt = millis(s.startedAt());
        e.finishedAt = millis(s.finishedAt());
        e.createdAt = e.startedAt != null ? e.startedAt : e.finishedAt;
        return e;
    }

    public static StepInfo toInfo(StepEntity e) {
        return new StepInfo(e.sequence, e.stepKey, e.name, StepStatus.valueOf(e.status), e.attempt, e.argsHash,
                e.resultJson, e.errorType, e.error, instant(e.startedAt), instant(e.finishedAt));
    }

    /**
     * Whether a failure was a duplicate key (a row someone else wrote first), as opposed to another
     * refusal or a broken database.
     */
    public static boolean isDuplicateKey(Throwable failure) {
        return StoreFailure.isDuplicateKey(failure);
    }

    /** Whether the failure is a deadlock or serialization failure (SQL state class 40). */
    public static boolean isConflict(Throwable failure) {
        return StoreFailure.hasSqlState(failure, "40");
    }

    public static Instant instant(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }

    public static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }
}
