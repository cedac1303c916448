package io.durable.cdi.internal.execution;

import io.durable.api.DurableException;
import io.durable.api.IncompatibleVersionException;
import io.durable.api.LeaseLostException;
import io.durable.api.Limit;
import io.durable.api.NonDeterministicWorkflowException;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StoreException;
import io.durable.api.UnknownWorkflowException;
import io.durable.cdi.internal.composition.ChildWorkflows;
import io.durable.cdi.internal.composition.Saga;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.ExecutionRegistry;
import io.durable.cdi.internal.journal.JournalWriter;
import io.durable.cdi.internal.journal.ReplayChecks;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.EngineEvents;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.cdi.internal.platform.StoreCalls;
import io.durable.cdi.internal.platform.TraceSpan;
import io.durable.cdi.internal.time.WakeUps;
import io.durable.spi.EngineClock;
import io.durable.spi.JournalConflictException;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.Park;
import io.durable.spi.StoreFailure;
import io.durable.spi.StoredRun;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.spi.CreationalContext;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.lang.reflect.InvocationTargetException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Executes one claimed run: loads its journal in one query, calls the workflow method on a fresh
 * bean instance (steps replay from the journal), and stores the outcome. An execution that cannot
 * go on (lease lost, store down, server stopping) is abandoned, not failed: the run stays RUNNING
 * and is claimed again once its lease expires.
 */
@ApplicationScoped
class RunExecutor {

    private static final Logger LOG = Logger.getLogger(RunExecutor.class.getName());
    /** A journal conflict means another node wrote concurrently; replaying twice more settles it. */
    private static final int CONFLICT_REPLAYS = 3;

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    JournalWriter journal;

    @Inject
    EngineSettings settings;

    @Inject
    Deployment extension;

    @Inject
    JsonCodec codec;

    @Inject
    BeanManager beanManager;

    @Inject
    EngineMetrics metrics;

    @Inject
    EngineTracing tracing;

    @Inject
    RunWaiters waiters;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    WakeUps wakeUps;

    @Inject
    Saga saga;

    @Inject
    ChildWorkflows children;

    @Inject
    EngineEvents events;

    @Inject
    ReplayChecks replayChecks;

    /** Outcome of one execution, for the dispatcher. */
    enum Outcome { FINISHED, PARKED, ABANDONED }

    /**
     * Executes a run under its lease, replaying it again after a journal conflict.
     *
     * @param started     the run as this node has just stored it, leased and with no journal, or {@code null}
     *                    to read the run and its journal from the store
     * @param traceParent the traceparent the started run was stored with; a run read from the store brings its own
     */
    Outcome execute(Lease lease, ExecutionRegistry registry, RunInfo started, String traceParent) {
        for (int attempt = 1; ; attempt++) {
            try {
                return executeOnce(lease, registry, attempt == 1 ? started : null, traceParent);
            } catch (JournalConflictException e) {
                if (attempt >= CONFLICT_REPLAYS) {
                    LOG.log(Level.WARNING, e, () -> "Run " + lease.runId() + " kept meeting journal conflicts; abandoned");
                    return Outcome.ABANDONED;
                }
                LOG.fine(() -> "Run " + lease.runId() + " met a journal conflict; replaying");
            }
        }
    }

    /**
     * The run as stored, or {@code null} when it is gone, finished or leased anew since the claim. A run
     * this execution does not take up is not held for a lease period: the lease is given back (fenced:
     * nothing happens when another claim holds the run), so that a sweep claims it again at once.
     */
    private StoredRun stillLeased(Lease lease) {
        StoredRun stored = store.findRun(lease.runId()).orElse(null);
        if (stored == null || stored.info().status().isTerminal() || stored.leaseEpoch() != lease.epoch()) {
            // once on WildFly a run claimed by a timer's wake-up was left to wait for its lease here, with nothing
            // logged: say what the store showed, and give the claim back (a run that ended meanwhile, cancelled
            // by an operator say, is the expected race and worth no line at INFO)
            boolean ended = stored != null && stored.info().status().isTerminal() && stored.leaseEpoch() == lease.epoch();
            LOG.log(ended ? Level.FINE : Level.INFO, () -> "Run " + lease.runId() + " not executed: claimed at lease"
                    + " epoch " + lease.epoch() + ", the store shows " + (stored == null ? "no run" : stored.info().status() + " at lease epoch "
                    + stored.leaseEpoch() + " owned by " + stored.leaseOwner()) + "; its lease is given back");
            try {
                transactions.inNewTransaction(() -> {
                    store.release(lease, clock.instant());
                    return null;
                });
            } catch (Exception e) {
                LOG.log(Level.FINE, e, () -> "Could not give back the lease of run " + lease.runId());
            }
            return null;
        }
        return stored;
    }

    /**
     * One execution in its span: a child of the trace the run was started in for its first execution,
     * a trace of its own linked to that one for a later one.
     */
    private Outcome executeOnce(Lease lease, ExecutionRegistry registry, RunInfo started, String traceParent) {
        StoredRun stored = started != null ? null : stillLeased(lease);
        RunInfo run = started != null ? started : stored == null ? null : stored.info();
        if (run == null) {
            return Outcome.ABANDONED;
        }
        try (TraceSpan span = tracing.startRun(run, started != null ? traceParent : stored.traceParent(), lease.epoch())) {
            Outcome outcome;
            try {
                outcome = executeTraced(lease, registry, run, started != null, span);
            } catch (RuntimeException | Error e) {
                span.attribute(EngineTracing.OUTCOME, "ABANDONED");
                throw e;
            }
            span.attribute(EngineTracing.OUTCOME, outcome.name());
            return outcome;
        }
    }

    private Outcome executeTraced(Lease lease, ExecutionRegistry registry, RunInfo run, boolean started,
                                  TraceSpan span) {
        WorkflowDefinition definition;
        try {
            definition = extension.workflows().byName(run.workflowName());
        } catch (UnknownWorkflowException e) {
            return recoveryFailed(lease, run, "its workflow '" + run.workflowName() + "' is not deployed on node "
                    + settings.nodeId() + " (deployed: " + e.getMessage() + ")");
        }
        List<StepInfo> journal = started ? List.of() : store.loadJournal(run.id());
        Execution execution = new Execution(run, lease, journal, clock.instant(), replayChecks.recordedStatus(run));
        execution.traced(span);
        if (!definition.resumes(run.workflowVersion())) {
            return abandonOrFail(execution, new IncompatibleVersionException(definition.name(), run.id().value(),
                    run.workflowVersion(), definition.version(), definition.compatibleFrom()), registry);
        }
        registry.executing(execution);
        Scope root = execution.root();
        Scope previous = root.bind();
        Bean<?> bean = definition.bean();
        CreationalContext<?> context = beanManager.createCreationalContext(bean);
        try {
            Object input;
            try {
                input = definition.takesInput()
                        ? codec.fromJson(run.inputJson(), definition.inputType(), "the input of run " + run.id())
                        : null;
            } catch (PayloadException unreadable) {
                return recoveryFailed(lease, run, unreadable.getMessage());
            }
            Object instance = beanManager.getReference(bean, definition.beanClass(), context);
            Object output = definition.takesInput()
                    ? definition.entryMethod().invoke(instance, input)
                    : definition.entryMethod().invoke(instance);
            if (execution.abortCause() != null) {
                return abandonOrFail(execution, execution.abortCause(), registry);
            }
            if (execution.continued()) {
                return continueAsNew(execution, definition, registry);
            }
            if (root.parkRequest() != null) {
                return park(execution, root.parkRequest());
            }
            Optional<Outcome> early = endsEarly(execution, RunStatus.COMPLETED);
            if (early.isPresent()) {
                return early.get();
            }
            String outputJson = Limit.OUTPUT.check(codec.toJournal(output, definition.outputType(),
                    "the output of run " + run.id() + " (workflow " + definition.name() + ")"));
            finish(execution, RunStatus.COMPLETED, outputJson, null, registry);
            metrics.runCompleted(run.workflowName());
            return Outcome.FINISHED;
        } catch (InvocationTargetException e) {
            if (execution.abortCause() == null && execution.continued()) {
                return continueAsNew(execution, definition, registry);
            }
            if (execution.abortCause() == null && root.parkRequest() != null) {
                return park(execution, root.parkRequest());
            }
            Throwable failure = execution.abortCause() != null ? execution.abortCause() : e.getCause();
            return abandonOrFail(execution, failure, registry);
        } catch (IllegalAccessException | RuntimeException e) {
            // not the workflow's code (that comes as InvocationTargetException): the engine failed replaying it
            if (e instanceof LeaseLostException || e instanceof StoreException) {
                return abandonOrFail(execution, e, registry);
            }
            LOG.log(Level.WARNING, e, () -> "Replaying run " + run.id() + " failed inside the engine");
            return recoveryFailed(lease, run, "the engine failed replaying it: " + e);
        } finally {
            Scope.restore(previous);
            registry.done(execution);
            context.release();
        }
    }

    /** Ends the run as CONTINUED and stores its successor, which this node offers to execute. */
    private Outcome continueAsNew(Execution execution, WorkflowDefinition definition, ExecutionRegistry registry) {
        Optional<Outcome> early = endsEarly(execution, RunStatus.CONTINUED);
        if (early.isPresent()) {
            return early.get();
        }
        RunInfo run = execution.run();
        Instant now = clock.instant();
        NewRun next = new NewRun(RunId.random(), run.workflowName(), definition.version(), run.instanceId(),
                execution.continuation(), now, run.parentRunId(), run.parentStepKey(), run.owner());
        RunInfo created;
        try {
            created = journal.retrying(execution, "the continuation", () -> store.continueAsNew(execution.lease(), next, now));
        } catch (Exception e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + " could not continue as a new run; it resumes once "
                    + "its lease expires");
            return Outcome.ABANDONED;
        }
        LOG.fine(() -> "Run " + run.id() + " continued as run " + next.id());
        metrics.runContinued(run.workflowName());
        metrics.runStarted(run.workflowName());
        RunInfo ended = RunInfos.finished(run, RunStatus.CONTINUED, null, null, now, next.id());
        events.finished(ended);
        events.started(created);
        waiters.ended(run.id(), ended);
        registry.wake(next.id());
        return Outcome.FINISHED;
    }

    /** Stores the park and arms the wake-up; a run whose awaited signal is there already is due at once. */
    private Outcome park(Execution execution, Park park) {
        RunInfo run = execution.run();
        Instant wakeAt;
        try {
            wakeAt = journal.retrying(execution, "the park", () -> store.park(execution.lease(), park, clock.instant()));
        } catch (DurableException e) {
            LOG.log(Level.INFO, e, () -> "Run " + run.id() + " could not park: " + e.getMessage());
            return Outcome.ABANDONED;
        } catch (Exception e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + " could not park; it resumes once its lease expires");
            return Outcome.ABANDONED;
        }
        LOG.fine(() -> "Run " + run.id() + " parked, waiting for " + park.waitingFor()
                + (wakeAt == null ? "" : " until " + wakeAt));
        if (wakeAt != null) {
            wakeUps.arm(run.id(), wakeAt);
        }
        return Outcome.PARKED;
    }

    /**
     * The code no longer fits the run (its journal or its version): the run waits, BLOCKED, for code
     * that fits (a rollback, a version marker, a new deployment) or an operator's cancel.
     */
    private Outcome block(Execution execution, String reason) {
        RunInfo run = execution.run();
        try {
            StoreCalls.inTransaction(transactions, "blocking run " + run.id(), () -> {
                store.block(execution.lease(), reason, clock.instant());
                return null;
            });
        } catch (LeaseLostException | StoreException e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + " could not be blocked; it resumes once its lease expires");
            return Outcome.ABANDONED;
        }
        LOG.warning(() -> "Run " + run.id() + " of workflow " + run.workflowName() + " is BLOCKED: " + reason);
        metrics.runBlocked(run.workflowName());
        waiters.ended(run.id(), null);
        return Outcome.FINISHED;
    }

    /**
     * In a replay check, code that ends the run before it reached every journaled entry is not the code
     * that ran: the run is blocked with the mismatch instead of ending (a live run is never checked).
     */
    private Optional<Outcome> endsEarly(Execution execution, RunStatus ending) {
        return execution.unreached(ending).map(mismatch -> block(execution, mismatch.getMessage()));
    }

    /**
     * One failed attempt to recover the run for a reason that is not the database's; the attempt that
     * reaches durable.engine.max-recovery-attempts blocks it. Meanwhile it keeps its lease until it
     * expires, so the next attempt comes a lease period later. A database failure here counts nothing.
     */
    private Outcome recoveryFailed(Lease lease, RunInfo run, String why) {
        String reason = Limit.ERROR.fit("Run " + run.id() + " could not be recovered: " + why);
        int attempts;
        try {
            attempts = StoreCalls.inTransaction(transactions, "counting a recovery attempt of run " + run.id(),
                    () -> store.recoveryFailed(lease, reason, settings.maxRecoveryAttempts(), clock.instant()));
        } catch (LeaseLostException | StoreException e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + ": " + why + "; the attempt could not be counted");
            return Outcome.ABANDONED;
        }
        if (attempts >= settings.maxRecoveryAttempts()) {
            LOG.warning(() -> reason + "; it is BLOCKED after " + attempts + " attempts");
            metrics.runBlocked(run.workflowName());
            waiters.ended(run.id(), null);
        } else {
            LOG.severe(() -> reason + " (recovery attempt " + attempts + " of " + settings.maxRecoveryAttempts()
                    + "; the next after its lease expires)");
        }
        return Outcome.ABANDONED;
    }

    private Outcome abandonOrFail(Execution execution, Throwable failure, ExecutionRegistry registry) {
        RunInfo run = execution.run();
        if (failure instanceof JournalConflictException conflict) {
            throw conflict;
        }
        if (failure instanceof LeaseLostException) {
            LOG.info(() -> "Run " + run.id() + ": " + failure.getMessage());
            return Outcome.ABANDONED;
        }
        if (failure instanceof NonDeterministicWorkflowException || failure instanceof IncompatibleVersionException) {
            return block(execution, failure.getMessage());
        }
        // a failed commit escapes a store's own @Transactional without becoming a StoreException: still the database's
        if (failure instanceof StoreException || StoreFailure.isTransientDatabaseFailure(failure) || registry.stopping()) {
            LOG.log(Level.WARNING, failure, () -> "Run " + run.id() + " stopped without finishing; it resumes once "
                    + "its lease expires");
            return Outcome.ABANDONED;
        }
        String error = Limit.ERROR.fit(failure instanceof DurableException
                ? failure.getMessage()
                : failure.getClass().getName() + ": " + failure.getMessage());
        LOG.log(Level.INFO, failure, () -> "Run " + run.id() + " of workflow " + run.workflowName() + " failed: " + error);
        execution.span().failed(failure);
        String stored;
        try {
            stored = saga.compensate(execution, error);
        } catch (LeaseLostException | StoreException e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + " stopped while compensating; it resumes compensating "
                    + "once its lease expires");
            return Outcome.ABANDONED;
        } catch (DurableException e) {
            if (execution.replayOf() != null && e instanceof NonDeterministicWorkflowException) {
                return block(execution, e.getMessage());
            }
            // the code no longer replays to the same compensations: finishing beats compensating wrongly forever
            stored = error + " | compensating stopped: " + e.getMessage();
        }
        Optional<Outcome> early = endsEarly(execution, RunStatus.FAILED);
        if (early.isPresent()) {
            return early.get();
        }
        try {
            finish(execution, RunStatus.FAILED, null, Limit.ERROR.fit(stored), registry);
        } catch (DurableException e) {
            LOG.log(Level.WARNING, e, () -> "Run " + run.id() + " failed, but the failure could not be stored; it "
                    + "resumes once its lease expires");
            return Outcome.ABANDONED;
        }
        metrics.runFailed(run.workflowName());
        return Outcome.FINISHED;
    }

    /**
     * Stores the outcome and, in the same transaction, tells a parent run how its child ended; a run
     * without a parent ends in one write that commits on its own.
     */
    private void finish(Execution execution, RunStatus status, String outputJson, String error,
                        ExecutionRegistry registry) {
        RunInfo run = execution.run();
        Instant now = clock.instant();
        Optional<RunId> parent;
        try {
            if (run.parentRunId() == null) {
                // nothing to tell in the same transaction: a write that commits on its own, shared with
                // other runs' ends that arrive meanwhile (group commit)
                journal.finish(execution, status, outputJson, error, now);
                parent = Optional.empty();
            } else {
                parent = journal.retrying(execution, "the end", () -> {
                    store.finishRun(execution.lease(), status, outputJson, error, now);
                    return children.notifyParent(run, status, outputJson, error, now);
                });
            }
        } catch (DurableException e) {
            throw e;
        } catch (Exception e) {
            throw StoreFailure.toException("finishing run " + run.id(), e);
        }
        RunInfo ended = RunInfos.finished(run, status, outputJson, error, now, null);
        events.finished(ended);
        waiters.ended(run.id(), ended);
        parent.ifPresent(registry::wake);
    }
}
