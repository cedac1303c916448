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
import io.durable.api.RunPage;
import io.durable.api.RunQuery;
import io.durable.api.RunStarting;
import io.durable.api.RunStatus;
import io.durable.api.RunTree;
import io.durable.api.SignalInfo;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.UnknownSignalException;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowFailedException;
import io.durable.cdi.internal.access.Caller;
import io.durable.cdi.internal.access.Callers;
import io.durable.cdi.internal.composition.Approvals;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.Inputs;
import io.durable.cdi.internal.definition.NewInput;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.journal.GroupCommit;
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
import io.durable.spi.RunCursor;
import io.durable.spi.RunFilter;
import io.durable.spi.StoredRun;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** The {@link WorkflowEngine} applications inject. */
@ApplicationScoped
class DefaultWorkflowEngine implements WorkflowEngine {

    /** How often a waiting caller re-reads the store, for runs another node executes. */
    private static final long RECHECK_MILLIS = 500;

    @Inject
    TrackingOwners owners;

    @Inject
    Callers callers;

    @Inject
    RunTrees trees;

    @Inject
    CancelCascade cascade;

    @Inject
    EngineTracing tracing;

    @Inject
    Deployment extension;

    @Inject
    WorkflowStore store;

    @Inject
    GroupCommit groupCommit;

    @Inject
    TransactionRunner transactions;

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
    Approvals approvals;

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
        refuseOtherTenantsInstance(run);
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

    /**
     * Instance ids are unique per workflow across tenants, so a start may meet another tenant's run. The
     * conflict policy must not reach it (USE_EXISTING would hand out its id, TERMINATE_EXISTING would end
     * it): the caller is refused as under FAIL, without the run's id.
     */
    private void refuseOtherTenantsInstance(NewRun run) {
        Caller caller = callers.current();
        if (caller.scope() == null) {
            return;
        }
        store.findRun(run.workflowName(), run.instanceId())
                .filter(existing -> !caller.sees(existing))
                .ifPresent(existing -> {
                    throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
                });
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
     * Stores a new run. Outside a caller's transaction, in one insert without a read (committed on its
     * own: {@link WorkflowStore#insertRunCommitted}, or with other starts that arrive meanwhile:
     * {@link GroupCommit}), leased to this
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
                String owner = slot ? settings.nodeId() : null;
                Instant expiry = slot ? clock.instant().plus(settings.leaseDuration()) : null;
                stored = StoreCalls.call("creating run " + fresh.id(), () -> groupCommit.start(fresh, owner, expiry));
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
        Class<?> type = signalType(callers.current(), runId, name);
        if (payload != null && (type == Void.class || !JsonCodec.boxed(type).isInstance(payload))) {
            throw new PayloadException("Signal '" + name + "' carries " + type.getName() + ", but got a "
                    + payload.getClass().getName(), null);
        }
        String json = type == Void.class ? null : codec.toJournal(payload, type, "the payload of signal " + name);
        return send(runId, name, json, idempotencyKey);
    }

    @Override
    public SignalReceipt signalJson(RunId runId, String name, String payloadJson, String idempotencyKey) {
        Class<?> type = signalType(callers.current(), runId, name);
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
    private RunInfo workflowRun(Caller caller, RunId runId, String what) {
        RunInfo run = visible(caller, runId);
        if (run.job()) {
            throw new IllegalTransitionException(runId.value(), run.status(), "it is a tracked job ("
                    + run.workflowName() + "), not a workflow run, and takes no " + what
                    + "; end it through RunTracker");
        }
        return run;
    }

    private Class<?> signalType(Caller caller, RunId runId, String name) {
        Objects.requireNonNull(runId, "runId");
        caller.checkMayAct("signal run " + runId);
        RunInfo run = workflowRun(caller, runId, "signals");
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

    /**
     * An operator action on a workflow run (a tracked job takes none but cancel): a person needs the
     * operator role and is the actor.
     */
    private RunInfo act(RunId runId, OperatorAction.Kind kind, String actor, String reason) {
        Objects.requireNonNull(runId, "runId");
        Caller caller = callers.current();
        String verb = kind.name().toLowerCase(java.util.Locale.ROOT);
        caller.checkMayAct(verb + " run " + runId);
        workflowRun(caller, runId, verb);
        return store.control(runId, new OperatorAction(kind, caller.actor(actor), reason, clock.instant()));
    }

    @Override
    public RunInfo cancel(RunId runId, String actor, String reason) {
        Objects.requireNonNull(runId, "runId");
        Caller caller = callers.current();
        caller.checkMayAct("cancel run " + runId);
        visible(caller, runId);
        CancelCascade.Outcome outcome = cascade.cancel(runId,
                new OperatorAction(OperatorAction.Kind.CANCEL, caller.actor(actor), reason, clock.instant()));
        for (RunInfo run : outcome.cancelled()) {
            dispatcher.stopLocally(run.id());
            wakeUps.disarm(run.id());
            metrics.runCancelled(run.workflowName());
            events.finished(run);
            waiters.finished(run.id());
        }
        outcome.parentToWake().ifPresent(p -> afterCommit.run(() -> dispatcher.wake(p)));
        return outcome.cancelled().get(0);
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
        Caller caller = callers.current();
        caller.checkMayAct((decision == ApprovalStatus.APPROVED ? "approve" : "reject") + " on run " + runId);
        visible(caller, runId);
        Approval decided = approvals.decide(runId, key, decision, caller.actor(actor), reason);
        afterCommit.run(() -> dispatcher.wake(runId));
        return decided;
    }

    @Override
    public List<Approval> pendingApprovals(RunId runId) {
        Objects.requireNonNull(runId, "runId");
        visible(callers.current(), runId);
        return store.pendingApprovals(runId, null, RunQuery.MAX_LIMIT);
    }

    @Override
    public List<Approval> pendingApprovals(int limit) {
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new PayloadException("pendingApprovals takes a limit of 1 to " + RunQuery.MAX_LIMIT + ", got " + limit,
                    null);
        }
        return store.pendingApprovals(null, callers.current().scope(), limit);
    }

    @Override
    public RunTree tree(RunId runId) {
        return tree(runId, RunQuery.MAX_LIMIT);
    }

    @Override
    public RunTree tree(RunId runId, int maxRuns) {
        checkLimit("tree", "maxRuns", maxRuns);
        Caller caller = callers.current();
        return trees.read(visible(caller, runId), maxRuns, caller.scope());
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
        return visible(callers.current(), runId);
    }

    /** The run, when the caller sees it; another tenant's run is as missing as one that never was. */
    private RunInfo visible(Caller caller, RunId runId) {
        Objects.requireNonNull(runId, "runId");
        return store.findRun(runId).map(StoredRun::info).filter(caller::sees)
                .orElseThrow(() -> new RunNotFoundException(runId.value()));
    }

    @Override
    public Optional<RunInfo> find(String workflowName, String instanceId) {
        return store.findRun(workflowName, instanceId).filter(callers.current()::sees);
    }

    @Override
    public List<StepInfo> steps(RunId runId) {
        visible(callers.current(), runId);
        return store.loadJournal(runId);
    }

    @Override
    public List<StepInfo> steps(RunId runId, int fromSequence, int limit) {
        checkLimit("steps", "limit", limit);
        if (fromSequence < 0) {
            throw new IllegalArgumentException("steps reads from a sequence of 0 or more, got " + fromSequence);
        }
        visible(callers.current(), runId);
        return store.loadJournal(runId, fromSequence, limit);
    }

    @Override
    public List<SignalInfo> signals(RunId runId, int limit) {
        checkLimit("signals", "limit", limit);
        visible(callers.current(), runId);
        return store.listSignals(runId, limit);
    }

    @Override
    public RunExport export(RunId runId) {
        RunInfo run = visible(callers.current(), runId);
        return RunExport.of(clock.instant(), run, store.loadJournal(runId));
    }

    @Override
    public List<RunInfo> list(RunQuery query) {
        return page(query).runs();
    }

    @Override
    public RunPage page(RunQuery query) {
        Objects.requireNonNull(query, "query");
        RunCursor after = query.cursor() == null ? null : RunCursor.decode(query.cursor());
        RunFilter filter = RunFilter.of(query).withOwner(callers.current().ownerFilter(query.owner()));
        List<RunInfo> runs = store.pageRuns(filter, after, query.limit() + 1);
        if (runs.size() <= query.limit()) {
            return new RunPage(runs, null);
        }
        List<RunInfo> page = runs.subList(0, query.limit());
        return new RunPage(page, RunCursor.of(page.get(page.size() - 1)).encode());
    }

    @Override
    public Map<RunStatus, Long> countByStatus(RunQuery query) {
        Objects.requireNonNull(query, "query");
        RunFilter filter = RunFilter.of(query).withStatus(null)
                .withOwner(callers.current().ownerFilter(query.owner()));
        return store.countRuns(filter);
    }

    private static void checkLimit(String method, String name, int value) {
        if (value < 1 || value > RunQuery.MAX_LIMIT) {
            throw new IllegalArgumentException(method + " takes a " + name + " of 1 to " + RunQuery.MAX_LIMIT
                    + ", got " + value);
        }
    }

    @Override
    public RunInfo await(RunId runId, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        // checked once: the runs it continues as keep its owner; a run held here, or that ended here a
        // moment ago, is not read for it
        RunInfo held = dispatcher.heldHere(runId);
        if (held == null) {
            held = waiters.recentlyEnded(runId);
        }
        if (held != null) {
            if (!callers.sees(held)) {
                throw new RunNotFoundException(runId.value());
            }
        } else {
            Caller caller = callers.current();
            if (caller.scope() != null) {
                visible(caller, runId);
            }
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        RunId current = runId;
        while (true) {
            // watched before the read: a finish on this node between the read and the wait still wakes us
            try (RunWaiters.Watch watch = waiters.watch(current)) {
                RunStatus last = RunStatus.RUNNING;
                // a run this node executes tells its end to the watch: nothing to read meanwhile
                if (!dispatcher.executesHere(current)) {
                    RunInfo recent = waiters.recentlyEnded(current);
                    RunInfo run = recent != null ? recent : visible(Caller.SYSTEM, current);
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
