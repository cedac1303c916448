package io.durable.cdi.internal.composition;

import io.durable.api.ChildFailedException;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.Limit;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStarting;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.Inputs;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.ExecutionRegistry;
import io.durable.cdi.internal.journal.JournalWriter;
import io.durable.cdi.internal.journal.RunLimits;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.EngineEvents;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.spi.EngineClock;
import io.durable.spi.NewRun;
import io.durable.spi.NewSignal;
import io.durable.spi.StoredRun;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Child workflows. Starting one stores the child run (with its parent link) and the parent's journal
 * entry in one transaction, so a crash cannot start it twice or lose it. The parent then waits for
 * the child's outcome as an engine signal ({@code @done:...}) that the child sends, in the
 * transaction that finishes it: buffered, delivered once, and waking the parent like any signal.
 */
@ApplicationScoped
public class ChildWorkflows {

    @Inject
    Deployment extension;

    @Inject
    WorkflowStore store;

    @Inject
    JsonCodec codec;

    @Inject
    Inputs inputs;

    @Inject
    DurableOps ops;

    @Inject
    JournalWriter journal;

    @Inject
    EngineEvents events;

    @Inject
    EngineMetrics metrics;

    @Inject
    EngineTracing tracing;

    @Inject
    ExecutionRegistry dispatcher;

    @Inject
    @EngineClock
    Clock clock;

    /**
     * How a child ended, as its parent receives it.
     *
     * @param runId      the child run (the last one, when it continued as new runs)
     * @param status     COMPLETED, FAILED or CANCELLED
     * @param outputJson its output
     * @param error      its error
     */
    public record Outcome(String runId, String status, String outputJson, String error) {
    }

    Object child(Scope scope, Class<?> workflow, String instanceId, Object input, Class<?> resultType) {
        Objects.requireNonNull(workflow, "workflow");
        Objects.requireNonNull(resultType, "resultType");
        scope.checkUsable("child");
        scope.checkPause();
        WorkflowDefinition definition = extension.workflows().byClass(workflow);
        Execution execution = scope.execution();
        int position = scope.takePosition();
        String key = scope.takeStepKey("@child:" + definition.name());
        StepInfo recorded = scope.journaled(position, key);
        String childId;
        if (recorded != null) {
            scope.checkSameCall(position, key, recorded);
            childId = (String) codec.fromJson(recorded.resultJson(), String.class, "the child run id of " + key);
        } else {
            childId = start(execution, definition, key, instanceId, input);
        }
        StepInfo outcomeEntry = ops.receive(scope, "@child-done:" + definition.name(), signalName(key),
                "child:" + childId, null, null);
        Outcome outcome = (Outcome) codec.fromJson(outcomeEntry.resultJson(), Outcome.class,
                "the outcome of child " + childId);
        RunStatus status = RunStatus.valueOf(outcome.status());
        if (status != RunStatus.COMPLETED) {
            throw new ChildFailedException(outcome.runId(), definition.name(), status, outcome.error());
        }
        Object output = codec.fromJson(outcome.outputJson(), definition.outputType(), "the output of child " + childId);
        if (output != null && !JsonCodec.boxed(resultType).isInstance(output)) {
            throw new WorkflowUsageException("Child workflow " + definition.name() + " returns "
                    + definition.outputType().getTypeName() + ", but the parent asks for " + resultType.getName());
        }
        return output;
    }

    private String start(Execution execution, WorkflowDefinition definition, String key, String instanceId,
                         Object input) {
        String id = instanceId != null ? instanceId : defaultInstanceId(execution.run().id(), key);
        if (id.isBlank()) {
            throw new PayloadException("A child's instance id must not be blank", null);
        }
        RunLimits.check(execution, Limit.INSTANCE_ID, id);
        String inputJson = RunLimits.check(execution, Limit.INPUT, inputs.toJson(definition, input));
        events.starting(new RunStarting(definition.name(), id, inputJson, execution.run().id()));
        Instant now = clock.instant();
        RunId childId = RunId.random();
        // a child's first execution is a child of this execution's span, also when started on a branch's thread
        NewRun child = new NewRun(childId, definition.name(), definition.version(), id, inputJson, now,
                execution.run().id(), key, execution.run().owner())
                .withTraceParent(tracing.currentTraceParent(execution.span()));
        StepInfo entry = DurableOps.entry(execution.newSequence(), key, "@child:" + definition.name(),
                codec.toJson(childId.value(), String.class, "a child run id"), null, null, now);
        // a taken instance id is the workflow's to handle; it does not stop the execution
        RunInfo stored = journal.write(execution, "child " + key, () -> {
            RunInfo created = store.createRun(child, ConflictPolicy.FAIL, now);
            store.appendStep(execution.lease(), entry);
            return created;
        }, DuplicateInstanceException.class);
        metrics.runStarted(definition.name());
        events.started(stored);
        dispatcher.offer(childId);
        return childId.value();
    }

    /** {@code PARENT_RUN_ID:STEP_KEY}, or with a name-based UUID of the key when that is too long. */
    static String defaultInstanceId(RunId parent, String key) {
        String id = parent.value() + ":" + key;
        return id.length() <= Limit.INSTANCE_ID.max() ? id
                : parent.value() + ":" + UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }

    /** The engine signal by which a child reports to the parent step that waits for it. */
    static String signalName(String parentStepKey) {
        return "@done:" + UUID.nameUUIDFromBytes(parentStepKey.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Tells a finished child's parent how it ended, in the caller's transaction; nothing when the run
     * has no parent or the parent has finished.
     *
     * @return the parent to wake, when one was told
     */
    public Optional<RunId> notifyParent(RunInfo child, RunStatus status, String outputJson, String error, Instant now) {
        if (child.parentRunId() == null) {
            return Optional.empty();
        }
        Optional<StoredRun> parent = store.findRun(child.parentRunId());
        if (parent.isEmpty() || parent.get().info().status().isTerminal()) {
            return Optional.empty();
        }
        String signal = signalName(child.parentStepKey());
        String json = codec.toJson(new Outcome(child.id().value(), status.name(), outputJson, error), Outcome.class,
                "the outcome of child " + child.id());
        store.sendSignal(new NewSignal(UUID.randomUUID().toString(), child.parentRunId(), signal, json, signal, now));
        return Optional.of(child.parentRunId());
    }
}
