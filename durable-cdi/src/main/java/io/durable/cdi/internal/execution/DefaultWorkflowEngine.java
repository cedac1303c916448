package io.durable.cdi.internal.execution;

import io.durable.api.Approval;
import io.durable.api.ApprovalStatus;
import io.durable.api.AwaitTimeoutException;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.IncompatibleVersionException;
import io.durable.api.Limit;
import io.durable.api.OperatorAction;
import io.durable.api.PayloadException;
import io.durable.api.RunExport;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStarting;
import io.durable.api.RunStatus;
import io.durable.api.RunTree;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.UnknownSignalException;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowFailedException;
import io.durable.cdi.internal.composition.Approvals;
import io.durable.cdi.internal.composition.ChildWorkflows;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.Inputs;
import io.durable.cdi.internal.definition.NewInput;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.AfterCommit;
import io.durable.cdi.internal.platform.EngineEvents;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.cdi.internal.platform.StoreCalls;
import io.durable.cdi.internal.time.WakeUps;
import io.durable.cdi.internal.tracking.TrackingOwners;
import io.durable.spi.EngineClock;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.NewSignal;
import io.durable.spi.StoredRun;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@link WorkflowEngine} applications inject. */
@ApplicationScoped
class DefaultWorkflowEngine implements WorkflowEngine {

    /** How often a waiting caller re-reads the store, for runs another node executes. */
    private static final long RECHECK_MILLIS = 500;
    /** Deeper run trees are cut off (a child chain this deep is a bug, not a design). */
    private static final int MAX_TREE_DEPTH = 50;

    @Inject
    TrackingOwners owners;

    @Inject
    EngineTracing tracing;

    @Inject
    Deployment extension;

    @Inject
    WorkflowStore store;

    @Inject
    JsonCodec codec;

    @Inject
    NewInput newInput;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RunWaiters waiters;

    @Inject
    EngineMetrics metrics;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    EngineSettings settings;

    @Inject
    WakeUps wakeUps;

    @Inject
    AfterCommit afterCommit;

    @Inject
    Inputs inputs;

    @Inject
    EngineEvents events;

    @Inject
    ChildWorkflows children;

    @Inject
    Approvals approvals;

    @Inject
    TransactionRunner transactions;

    @Override
    public RunId start(Class<?> workflow, String instanceId, Object input) {
        return start(workflow, instanceId, input, settings.conflictPolicy());
    }

    @Override
    public RunId startJson(String workflowName, String instanceId, String inputJson) {
        return startJson(workflowName, instanceId, inputJson, settings.conflictPolicy());
    }

    @Override
    public RunId start(Class<?> workflow, String instanceId, Object input, ConflictPolicy policy) {
        Objects.requireNonNull(workflow, "workflow");
        WorkflowDefinition definition = extension.workflows().byClass(workflow);
        return store(definition, instanceId, inputs.toJson(definition, input), policy);
    }

    @Override
    public RunId startJson(String workflowName, String instanceId, String inputJson, ConflictPolicy policy) {
        WorkflowDefinition definition = extension.workflows().byName(workflowName);
        Limit.INPUT.check(inputJson);
        return store(definition, instanceId, inputs.fromJson(definition, inputJson), policy);
    }

    /** How often a start applies its policy again after losing a race for its instance id. */
    private static final int START_RACES = 8;

    /**
     * Stores the run under the policy. Starts of one instance id that race each other all find no run
     * and insert; the database's unique key lets one win and refuses the others. A refused start then
     * applies its policy to the winner, as if it had come second: USE_EXISTING returns it, FAIL names
     * it, TERMINATE_EXISTING ends it and inserts again. Only outside a caller's transaction: inside one,
     * the refused insert has already doomed the caller's transaction, so the refusal is the caller's.
     */
    private RunInfo createRun(NewRun run, ConflictPolicy policy) {
        for (int attempt = 1; ; attempt++) {
            try {
                return store.createRun(run, policy, clock.instant());
            } catch (DuplicateInstanceException raced) {
                if (raced.existingRunId() != null || attempt >= START_RACES || afterCommit.inCallerTransaction()) {
                    throw raced;
                }
            }
        }
    }

    private RunId store(WorkflowDefinition definition, String instanceId, String inputJson, ConflictPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        if (instanceId == null || instanceId.isBlank()) {
            throw new PayloadException("An instance id must not be blank; got "
                    + (instanceId == null ? "none" : "'" + instanceId + "'"), null);
        }
        Limit.INSTANCE_ID.check(instanceId);
        Limit.INPUT.check(inputJson);
        events.starting(new RunStarting(definition.name(), instanceId, inputJson, null));
        // under FAIL the store refuses a known instance id with DuplicateInstanceException, naming the existing run
        RunId runId = RunId.random();
        NewRun fresh = new NewRun(runId, definition.name(), definition.version(), instanceId, inputJson, clock.instant())
                .withOwner(owners.ofCaller()).withTraceParent(tracing.currentTraceParent());
        StoredRun stored = insert(fresh, policy);
        RunInfo run = stored.info();
        if (!run.id().equals(runId)) {
            if (!definition.resumes(run.workflowVersion())) {
                throw new IncompatibleVersionException(definition.name(), run.id().value(), run.workflowVersion(),
                        definition.version(), definition.compatibleFrom());
            }
            return run.id();
        }
        if (stored.leaseOwner() == null) {
            metrics.runStarted(definition.name());
            events.started(run);
            afterCommit.run(() -> dispatcher.offer(runId));
            return runId;
        }
        try {
            metrics.runStarted(definition.name());
            events.started(run);
        } finally {
            // the run holds a slot and a lease: it executes whatever the metrics or the event did
            dispatcher.submitStarted(new Lease(runId, stored.leaseOwner(), stored.leaseEpoch(), stored.leaseExpiresAt()),
                    run, fresh.traceParent());
        }
        return runId;
    }

    /**
     * Stores a new run. Outside a caller's transaction, in one insert without a read, leased to this
     * node when it has a free slot (the run then executes here at once, with no claim); the policy is
     * applied, with a read, only when the instance id is taken. Inside a caller's transaction, the run
     * is read-then-inserted PENDING and offered after the commit: a refused insert would doom the
     * caller's transaction, and the run must not execute before that transaction commits.
     */
    private StoredRun insert(NewRun fresh, ConflictPolicy policy) {
        if (afterCommit.inCallerTransaction()) {
            return new StoredRun(createRun(fresh, policy), null, 0, null);
        }
        boolean slot = dispatcher.reserveSlot();
        StoredRun stored = null;
        try {
            try {
                stored = slot
                        ? store.insertRun(fresh, settings.nodeId(), clock.instant().plus(settings.leaseDuration()))
                        : store.insertRun(fresh, null, null);
            } catch (DuplicateInstanceException taken) {
                stored = new StoredRun(createRun(fresh, policy), null, 0, null);
            }
            return stored;
        } finally {
            if (slot && (stored == null || stored.leaseOwner() == null)) {
                dispatcher.releaseSlot();
            }
        }
    }

    @Override
    public SignalReceipt signal(RunId runId, String name, Object payload, String idempotencyKey) {
        Class<?> type = signalType(runId, name);
        if (payload != null && (type == Void.class || !JsonCodec.boxed(type).isInstance(payload))) {
            throw new PayloadException("Signal '" + name + "' carries " + type.getName() + ", but got a "
                    + payload.getClass().getName(), null);
        }
        String json = type == Void.class ? null : codec.toJournal(payload, type, "the payload of signal " + name);
        return send(runId, name, json, idempotencyKey);
    }

    @Override
    public SignalReceipt signalJson(RunId runId, String name, String payloadJson, String idempotencyKey) {
        Class<?> type = signalType(runId, name);
        checkSize(name, payloadJson);
        String json = null;
        if (type != Void.class) {
            Object payload = newInput.read(payloadJson, type, "the payload of signal " + name);
            json = codec.toJournal(payload, type, "the payload of signal " + name);
        } else if (payloadJson != null && !payloadJson.isBlank() && !"null".equals(payloadJson.trim())) {
            throw new PayloadException("Signal '" + name + "' carries no payload, but one was given", null);
        }
        return send(runId, name, json, idempotencyKey);
    }

    /**
     * The run, refused when it is a tracked job: only workflow runs wait for signals and stop at step
     * boundaries.
     */
    private RunInfo workflowRun(RunId runId, String what) {
        RunInfo run = status(runId);
        if (run.job()) {
            throw new IllegalTransitionException(runId.value(), run.status(), "it is a tracked job ("
                    + run.workflowName() + "), not a workflow run, and takes no " + what
                    + "; end it through RunTracker");
        }
        return run;
    }

    private Class<?> signalType(RunId runId, String name) {
        Objects.requireNonNull(runId, "runId");
        RunInfo run = workflowRun(runId, "signals");
        WorkflowDefinition definition = extension.workflows().byName(run.workflowName());
        Class<?> type = definition.signals().get(name);
        if (type == null) {
            throw new UnknownSignalException(definition.name(), name, definition.signals().keySet());
        }
        return type;
    }

    private void checkSize(String name, String json) {
        Limit.SIGNAL_PAYLOAD.check(json);
        if (json != null && json.length() > settings.maxPayloadBytes() / 4
                && json.getBytes(StandardCharsets.UTF_8).length > settings.maxPayloadBytes()) {
            throw new PayloadException("The payload of signal '" + name + "' is "
                    + json.getBytes(StandardCharsets.UTF_8).length + " bytes of JSON; the limit is "
                    + settings.maxPayloadBytes() + " (durable.engine.max-payload-bytes)", null);
        }
    }

    private SignalReceipt send(RunId runId, String name, String json, String idempotencyKey) {
        checkSize(name, json);
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw new PayloadException("An idempotency key must not be blank", null);
        }
        Limit.IDEMPOTENCY_KEY.check(idempotencyKey);
        String id = UUID.randomUUID().toString();
        SignalReceipt receipt = store.sendSignal(new NewSignal(id, runId, name, json, idempotencyKey, clock.instant()));
        if (!receipt.duplicate()) {
            afterCommit.run(() -> dispatcher.wake(runId));
        }
        return receipt;
    }

    @Override
    public RunInfo pause(RunId runId, String actor, String reason) {
        RunInfo run = act(runId, OperatorAction.Kind.PAUSE, actor, reason);
        dispatcher.pausedLocally(runId);
        return run;
    }

    @Override
    public RunInfo unpause(RunId runId, String actor, String reason) {
        RunInfo run = act(runId, OperatorAction.Kind.UNPAUSE, actor, reason);
        afterCommit.run(() -> dispatcher.wake(runId));
        return run;
    }

    @Override
    public RunInfo retry(RunId runId, String actor, String reason) {
        RunInfo run = act(runId, OperatorAction.Kind.RETRY, actor, reason);
        afterCommit.run(() -> dispatcher.offer(runId));
        return run;
    }

    /** An operator action on a workflow run (a tracked job takes none but cancel). */
    private RunInfo act(RunId runId, OperatorAction.Kind kind, String actor, String reason) {
        workflowRun(runId, kind.name().toLowerCase(java.util.Locale.ROOT));
        return store.control(runId, new OperatorAction(kind, actor, reason, clock.instant()));
    }

    @Override
    public RunInfo cancel(RunId runId, String actor, String reason) {
        OperatorAction action = new OperatorAction(OperatorAction.Kind.CANCEL, actor, reason, clock.instant());
        List<RunInfo> cancelled = new ArrayList<>();
        Optional<RunId> parent = StoreCalls.inTransaction(transactions, "cancelling run " + runId, () -> {
            RunInfo run = store.control(runId, action);
            cancelled.add(run);
            cancelChildren(run, actor, cancelled);
            return children.notifyParent(run, RunStatus.CANCELLED, null, run.error(), action.at());
        });
        for (RunInfo run : cancelled) {
            dispatcher.stopLocally(run.id());
            wakeUps.disarm(run.id());
            metrics.runCancelled(run.workflowName());
            events.finished(run);
            waiters.finished(run.id());
        }
        parent.ifPresent(p -> afterCommit.run(() -> dispatcher.wake(p)));
        return cancelled.get(0);
    }

    /** Cancels the unfinished descendants of a cancelled run, depth first. */
    private void cancelChildren(RunInfo parent, String actor, List<RunInfo> cancelled) {
        for (RunInfo child : store.listRuns(RunQuery.childrenOf(parent.id()))) {
            if (!child.status().isTerminal()) {
                RunInfo run = store.control(child.id(), new OperatorAction(OperatorAction.Kind.CANCEL, actor,
                        "parent run " + parent.id() + " was cancelled", clock.instant()));
                cancelled.add(run);
                cancelChildren(run, actor, cancelled);
            }
        }
    }

    @Override
    public Approval approve(RunId runId, String key, String actor, String reason) {
        return decide(runId, key, ApprovalStatus.APPROVED, actor, reason);
    }

    @Override
    public Approval reject(RunId runId, String key, String actor, String reason) {
        return decide(runId, key, ApprovalStatus.REJECTED, actor, reason);
    }

    private Approval decide(RunId runId, String key, ApprovalStatus decision, String actor, String reason) {
        Objects.requireNonNull(runId, "runId");
        status(runId);
        Approval decided = approvals.decide(runId, key, decision, actor, reason);
        afterCommit.run(() -> dispatcher.wake(runId));
        return decided;
    }

    @Override
    public List<Approval> pendingApprovals(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        status(runId);
        return store.pendingApprovals(runId, RunQuery.MAX_LIMIT);
    }

    @Override
    public List<Approval> pendingApprovals(int limit) {
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new PayloadException("pendingApprovals takes a limit of 1 to " + RunQuery.MAX_LIMIT + ", got " + limit,
                    null);
        }
        return store.pendingApprovals(null, limit);
    }

    @Override
    public RunTree tree(RunId runId) {
        return tree(status(runId), 0);
    }

    private RunTree tree(RunInfo run, int depth) {
        if (depth > MAX_TREE_DEPTH) {
            return new RunTree(run, List.of());
        }
        List<RunTree> subtrees = new ArrayList<>();
        List<RunInfo> kids = new ArrayList<>(store.listRuns(RunQuery.childrenOf(run.id())));
        Collections.reverse(kids);
        for (RunInfo child : kids) {
            subtrees.add(tree(child, depth + 1));
        }
        return new RunTree(run, subtrees);
    }

    @Override
    public List<RunId> resumeAll(int limit, Duration staleAfter) {
        if (limit < 1 || limit > 10_000) {
            throw new PayloadException("resumeAll takes a limit of 1 to 10000, got " + limit, null);
        }
        if (staleAfter == null || staleAfter.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new PayloadException("resumeAll takes a staleness threshold of at least 1 second, got " + staleAfter,
                    null);
        }
        return dispatcher.resumeAll(limit, staleAfter);
    }

    private static Class<?> boxed(Class<?> type) {
        return JsonCodec.boxed(type);
    }

    @Override
    public RunInfo status(RunId runId) {
        return store.findRun(runId).orElseThrow(() -> new RunNotFoundException(runId.value())).info();
    }

    @Override
    public Optional<RunInfo> find(String workflowName, String instanceId) {
        return store.findRun(workflowName, instanceId);
    }

    @Override
    public List<StepInfo> steps(RunId runId) {
        status(runId);
        return store.loadJournal(runId);
    }

    @Override
    public RunExport export(RunId runId) {
        RunInfo run = status(runId);
        return RunExport.of(clock.instant(), run, store.loadJournal(runId));
    }

    @Override
    public List<RunInfo> list(RunQuery query) {
        return store.listRuns(query);
    }

    // TODO(issue 14, engine slice): interim bodies so the operator API compiles; replaced by store-backed
    // keyset paging, counts, journal pages and signal reads scoped to the caller's tenant.
    @Override
    public io.durable.api.RunPage page(RunQuery query) {
        if (query.cursor() != null) {
            throw new IllegalArgumentException("Paging with a cursor is not built yet");
        }
        return new io.durable.api.RunPage(store.listRuns(query), null);
    }

    @Override
    public java.util.Map<io.durable.api.RunStatus, Long> countByStatus(RunQuery query) {
        java.util.Map<io.durable.api.RunStatus, Long> counts = new java.util.EnumMap<>(io.durable.api.RunStatus.class);
        store.listRuns(query.withStatus(null).withCursor(null).withLimit(RunQuery.MAX_LIMIT))
                .forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public List<StepInfo> steps(RunId runId, int fromSequence, int limit) {
        return steps(runId).stream().filter(s -> s.sequence() >= fromSequence).limit(limit).toList();
    }

    @Override
    public List<io.durable.api.SignalInfo> signals(RunId runId, int limit) {
        status(runId);
        return List.of();
    }

    @Override
    public RunTree tree(RunId runId, int maxRuns) {
        return tree(runId);
    }

    @Override
    public RunInfo await(RunId runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunId current = runId;
        while (true) {
            // watched before the read: a finish on this node between the read and the wait still wakes us
            try (RunWaiters.Watch watch = waiters.watch(current)) {
                RunStatus last = RunStatus.RUNNING;
                // a run this node executes tells its end to the watch: nothing to read meanwhile
                if (!dispatcher.executesHere(current)) {
                    RunInfo run = status(current);
                    if (run.continuedAs() != null) {
                        current = run.continuedAs();
                        continue;
                    }
                    // a BLOCKED run waits for code or an operator: the caller learns of it now, not at the timeout
                    if (run.status().isTerminal() || run.status() == RunStatus.BLOCKED) {
                        return run;
                    }
                    last = run.status();
                }
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    throw new AwaitTimeoutException(runId.value(), timeout, last);
                }
                try {
                    RunInfo ended = watch.awaitLocalFinish(Math.min(left, RECHECK_MILLIS));
                    if (ended != null) {
                        // ended on this node: its outcome as stored, without reading it back
                        if (ended.continuedAs() != null) {
                            current = ended.continuedAs();
                            continue;
                        }
                        return ended;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AwaitTimeoutException(runId.value(), timeout, last);
                }
            }
        }
    }

    @Override
    public <R> R awaitResult(RunId runId, Class<R> resultType, Duration timeout) {
        RunInfo run = await(runId, timeout);
        if (run.status() != RunStatus.COMPLETED) {
            throw new WorkflowFailedException(runId.value(), run.status(), run.error());
        }
        @SuppressWarnings("unchecked")
        Class<R> boxedType = (Class<R>) boxed(resultType);
        return boxedType.cast(codec.fromJson(run.outputJson(), boxedType, "the output of run " + runId));
    }
}
