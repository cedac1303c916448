package io.durable.cdi.internal.execution;

import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StoreException;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.ExecutionRegistry;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.cdi.internal.platform.RunVitalsCache;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.cdi.internal.platform.StoreCalls;
import io.durable.cdi.internal.time.DatabaseClock;
import io.durable.cdi.internal.time.WakeUps;
import io.durable.spi.EngineClock;
import io.durable.spi.Lease;
import io.durable.spi.RecoverySweep;
import io.durable.spi.StoreFailure;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what this node executes. A run is claimed (lease with a new epoch) before it runs, on one
 * of at most {@code max-concurrent-runs} slots; the rest wait in the store. The node sweeps for due
 * runs (pending, parked and due, signalled, orphaned by a dead node), wakes parked runs when their
 * timers fire, renews the leases of what it executes (seeing pauses and cancellations), and gives
 * them up on shutdown so a restart resumes them at once.
 */
@ApplicationScoped
public class Dispatcher implements ExecutionRegistry, RecoverySweep {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    RunExecutor executor;

    @Inject
    RunWaiters waiters;

    @Inject
    EngineThreads threads;

    @Inject
    EngineSettings settings;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    WakeUps wakeUps;

    @Inject
    EngineMetrics metrics;

    @Inject
    EngineTracing tracing;

    @Inject
    RunVitalsCache vitals;

    @Inject
    TransactionRunner transactions;

    @Inject
    CronScheduler cron;

    @Inject
    Deployment deployment;

    private final Map<RunId, Lease> claimed = new ConcurrentHashMap<>();
    private final Map<RunId, Execution> executions = new ConcurrentHashMap<>();
    /** Runs this node holds whose row it knows (started here, or loaded by their execution). */
    private final Map<RunId, RunInfo> known = new ConcurrentHashMap<>();
    /** Runs woken while this node held them: offered again once their execution ends. */
    private final Set<RunId> wokenWhileClaimed = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean pendingMayWait;
    private volatile boolean started;
    private volatile boolean stopping;
    /** When the periodic sweep last began (the engine's clock), for the liveness check. */
    private volatile Instant lastSweep;
    private Semaphore slots;

    synchronized void start() {
        if (started) {
            return;
        }
        store.open();
        slots = new Semaphore(settings.maxConcurrentRuns());
        threads.start();
        // instruments are looked up now, never on a run's thread (a lookup may wait on the container's cluster)
        metrics.start(deployment.workflows().all().stream().map(WorkflowDefinition::name).toList());
        tracing.start();
        long poll = settings.sweepInterval().toMillis();
        long renew = settings.renewInterval().toMillis();
        started = true;
        alignClock();
        reviveBlocked();
        // the start-up sweep (runs whose node died, runs left PENDING) happens before start returns: a
        // sweep scheduled at once could run before the flag above, or after the caller's first writes
        lastSweep = clock.instant();
        pollQuietly();
        countRuns();
        threads.scheduler().scheduleWithFixedDelay(() -> {
            lastSweep = clock.instant();
            alignClock();
            pollQuietly();
        }, poll, poll, TimeUnit.MILLISECONDS);
        threads.scheduler().scheduleWithFixedDelay(this::renewQuietly, renew, renew, TimeUnit.MILLISECONDS);
        try {
            wakeUps.rearm();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not re-arm wake-up timers; the sweep wakes those runs");
        }
        cron.start();
        LOG.info(() -> "Durable engine started on node " + settings.nodeId() + " with " + settings.maxConcurrentRuns()
                + " execution slots, lease " + settings.leaseDuration() + ", sweep every " + settings.sweepInterval()
                + (wakeUps.persistentTimers() ? ", persistent wake-up timers" : ", in-memory wake-up timers"));
    }

    /** The first counts for the gauges and the health check, so that neither starts without them. */
    private void countRuns() {
        try {
            vitals.refresh();
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Could not count the unfinished runs at start; the next read tries again");
        }
    }

    /**
     * Whether the engine has started and is not stopping.
     *
     * @return true while it claims and executes runs
     */
    public boolean running() {
        return started && !stopping;
    }

    /**
     * When the periodic sweep last began, on the engine's clock: the start-up sweep, then every sweep
     * interval, whether it found work or failed (a database that is down is readiness's concern, not
     * liveness's).
     *
     * @return the time, or {@code null} before the engine started
     */
    public Instant lastSweep() {
        return lastSweep;
    }

    /**
     * Whether the engine's scheduler (sweeps and lease renewals) still runs.
     *
     * @return false once its executor was shut down
     */
    public boolean schedulerAlive() {
        var scheduler = threads.scheduler();
        return scheduler != null && !scheduler.isShutdown();
    }

    /**
     * Gives the BLOCKED runs of this deployment's workflows one more try as the application starts:
     * the code they did not fit may have been rolled back or given a version marker. One that still
     * does not fit is blocked again, with the same message.
     */
    private void reviveBlocked() {
        for (WorkflowDefinition definition : deployment.workflows().all()) {
            try {
                for (RunInfo run : store.listRuns(new RunQuery(definition.name(), RunStatus.BLOCKED, RunQuery.MAX_LIMIT))) {
                    StoreCalls.inTransaction(transactions, "retrying blocked run " + run.id(), () -> store.control(run.id(),
                            new OperatorAction(OperatorAction.Kind.RETRY, "engine",
                                    "the application started; its code may fit the run now", clock.instant())));
                    LOG.info(() -> "Retrying BLOCKED run " + run.id() + " of workflow " + definition.name());
                }
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not retry the blocked runs of workflow " + definition.name()
                        + "; retry them with WorkflowEngine.retry");
            }
        }
    }

    /** A run was just stored: execute it here at once when a slot is free. */
    @Override
    public void offer(RunId runId) {
        if (!started || stopping) {
            return;
        }
        if (slots.tryAcquire()) {
            claimAndSubmit(runId);
        } else {
            mayWait();
        }
    }

    /**
     * Notes that due runs may wait for a slot, so the worker that frees one sweeps. Set, then looked
     * at again: a worker that freed a slot just before the flag was set did not see it.
     */
    private void mayWait() {
        pendingMayWait = true;
        if (slots.availablePermits() > 0) {
            queuePoll();
        }
    }

    /**
     * The sweep: claims what is due (pending, woken, signalled, orphaned runs), as far as slots are
     * free, in one bounded batch. Called periodically, after runs finish, and by timer modules.
     */
    public void poll() {
        if (!started || stopping) {
            return;
        }
        int free = slots.availablePermits();
        if (free == 0) {
            mayWait();
            return;
        }
        pendingMayWait = false;
        Instant now = clock.instant();
        if (!ownLeasesCurrent(now)) {
            return;
        }
        List<Lease> leases = claimDue(now, free, null);
        if (leases.size() >= free) {
            // more may be due: flagged before the workers start, so one that finishes at once sweeps again
            pendingMayWait = true;
        }
        for (Lease lease : leases) {
            submit(lease, slots.tryAcquire());
        }
    }

    /**
     * Renews, before a claim, the leases of runs this node executes that ran out meanwhile (the database
     * refused the periodic renewals: killed sessions, a restart). A claim would find those runs due and
     * take them from their own live execution here, which then stops at its next write while a second
     * execution starts over from the journal: a lease period lost for a run that never stopped.
     *
     * @param now the current time
     * @return whether every lease this node holds is current; when one ran out and could not be renewed
     *     the database is failing, and the claim waits for the next sweep
     */
    private boolean ownLeasesCurrent(Instant now) {
        boolean current = true;
        for (Map.Entry<RunId, Lease> entry : claimed.entrySet()) {
            if (!entry.getValue().expiresAt().isAfter(now) && !renewed(entry.getKey(), entry.getValue(),
                    () -> "The lease on run " + entry.getKey() + " ran out and could not be renewed; claiming waits "
                            + "for the next sweep")) {
                current = false;
            }
        }
        return current;
    }

    private List<Lease> claimDue(Instant now, int limit, Instant staleBefore) {
        try {
            return transactions.inNewTransaction(() -> store.claimDue(settings.nodeId(), now, settings.leaseDuration(),
                    limit, staleBefore));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new StoreException("claiming due runs", e);
        }
    }

    /** Claims due runs now, beyond the free slots (up to {@code limit}; extra ones queue for a worker). */
    List<RunId> resumeAll(int limit, Duration staleAfter) {
        if (!started || stopping) {
            return List.of();
        }
        Instant now = clock.instant();
        if (!ownLeasesCurrent(now)) {
            return List.of();
        }
        List<Lease> leases = claimDue(now, limit, now.minus(staleAfter));
        for (Lease lease : leases) {
            submit(lease, slots.tryAcquire());
        }
        return leases.stream().map(Lease::runId).toList();
    }

    private void claimAndSubmit(RunId runId) {
        Optional<Lease> lease = Optional.empty();
        try {
            // a claim of its own: joined to a caller's transaction, the worker could run before it commits
            lease = transactions.inNewTransaction(() -> store.claim(runId, settings.nodeId(), clock.instant(),
                    settings.leaseDuration()));
        } catch (Exception e) {
            LOG.log(Level.WARNING, e, () -> "Could not claim run " + runId + "; the sweep retries");
        }
        if (lease.isPresent()) {
            submit(lease.get(), true);
        } else {
            slots.release();
        }
    }

    /** Whether this node holds the run's lease and executes it (or is about to). */
    boolean executesHere(RunId runId) {
        return claimed.containsKey(runId);
    }

    /**
     * The run as this node started or loaded it, while this node holds it: its fixed parts (id, workflow,
     * owner, parent) are current, its status and times are not.
     *
     * @param runId the run
     * @return the run, or {@code null} when this node does not hold it or has not read it yet
     */
    RunInfo heldHere(RunId runId) {
        return known.get(runId);
    }

    /**
     * Takes a slot for a run this node is about to start, so that the run can be stored already leased
     * to this node ({@link #submitStarted}). Give it back with {@link #releaseSlot} if no leased run
     * was stored.
     *
     * @return whether a slot was free (and the engine runs)
     */
    boolean reserveSlot() {
        return started && !stopping && slots.tryAcquire();
    }

    /** Gives back a slot from {@link #reserveSlot} that no started run took. */
    void releaseSlot() {
        slots.release();
        if (pendingMayWait) {
            queuePoll();
        }
    }

    /**
     * Executes a run this node has just stored leased to itself, on the slot reserved for it: no claim,
     * no re-read of the run, no journal load (it has none).
     *
     * @param lease       the lease it was stored with
     * @param run         the run as stored
     * @param traceParent the traceparent stored with it, or {@code null}
     */
    void submitStarted(Lease lease, RunInfo run, String traceParent) {
        submit(lease, true, run, traceParent);
    }

    /** Hands a claimed run to a worker; {@code slotTaken} says whether it holds one of the slots. */
    private void submit(Lease lease, boolean slotTaken) {
        submit(lease, slotTaken, null, null);
    }

    private void submit(Lease lease, boolean slotTaken, RunInfo started, String traceParent) {
        claimed.put(lease.runId(), lease);
        if (started != null) {
            known.put(lease.runId(), started);
        }
        try {
            threads.workers().execute(() -> run(lease, slotTaken, started, traceParent));
        } catch (RejectedExecutionException e) {
            claimed.remove(lease.runId());
            known.remove(lease.runId());
            if (slotTaken) {
                slots.release();
            }
            LOG.fine(() -> "Run " + lease.runId() + " not submitted: the engine is stopping");
        }
    }

    private void run(Lease lease, boolean slotTaken, RunInfo started, String traceParent) {
        try {
            executor.execute(lease, this, started, traceParent);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, e, () -> "Run " + lease.runId() + " stopped unexpectedly; it resumes once its lease expires");
        } finally {
            claimed.remove(lease.runId());
            known.remove(lease.runId());
            if (slotTaken) {
                slots.release();
            }
            // after the release: a caller awaiting this run may start its next one at once, on this slot
            waiters.released(lease.runId());
            if (wokenWhileClaimed.remove(lease.runId())) {
                offer(lease.runId());
            }
            if (pendingMayWait) {
                queuePoll();
            }
        }
    }

    @Override
    public void sweep() {
        poll();
    }

    @Override
    public void wake(RunId runId) {
        if (!claimed.containsKey(runId)) {
            offer(runId);
            return;
        }
        // the execution holding it may be parking it right now (a signal that came first makes it due at
        // once): remember the wake, so that it is not lost until the next sweep
        wokenWhileClaimed.add(runId);
        if (!claimed.containsKey(runId) && wokenWhileClaimed.remove(runId)) {
            offer(runId);
        }
    }

    @Override
    public List<Wake> upcomingWakes(int limit) {
        return store.upcomingWakes(limit);
    }

    @Override
    public void executing(Execution execution) {
        executions.put(execution.run().id(), execution);
        if (claimed.containsKey(execution.run().id())) {
            known.putIfAbsent(execution.run().id(), execution.run());
        }
    }

    @Override
    public void done(Execution execution) {
        executions.remove(execution.run().id(), execution);
    }

    /** An operator paused a run: if it executes here, it parks at its next step boundary. */
    void pausedLocally(RunId runId) {
        Execution execution = executions.get(runId);
        if (execution != null) {
            execution.requestPause();
        }
    }

    private void queuePoll() {
        if (pollQueued.compareAndSet(false, true)) {
            try {
                threads.scheduler().execute(() -> {
                    pollQueued.set(false);
                    pollQuietly();
                });
            } catch (RejectedExecutionException e) {
                pollQueued.set(false);
            }
        }
    }

    /**
     * Measures this node's offset to the database's clock again (production's {@link DatabaseClock}):
     * lease expiries and due times that nodes compare are then the database's. A failed read keeps the
     * offset measured last.
     */
    private void alignClock() {
        if (!(clock instanceof DatabaseClock database)) {
            return;
        }
        Duration before = database.offset();
        try {
            Duration offset = database.align(() -> StoreCalls.inTransaction(transactions, "reading the database's time",
                    store::databaseTime));
            if (offset.minus(before).abs().compareTo(Duration.ofSeconds(1)) > 0) {
                LOG.info(() -> "This node's clock is " + offset.negated() + " off the database's; the engine uses the "
                        + "database's time");
            }
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Could not read the database's time; keeping the offset " + before);
        }
    }

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Sweeping for due runs failed; retrying in " + settings.sweepInterval());
        }
    }

    /**
     * Renews the lease of every run this node executes; a lost lease stops that run's journaling, a
     * pause seen here parks the run at its next step boundary.
     */
    public void renewLeases() {
        for (Map.Entry<RunId, Lease> entry : claimed.entrySet()) {
            // one run's renewal that met a dead connection must not cost the others theirs
            renewed(entry.getKey(), entry.getValue(), () -> "Renewing the lease on run " + entry.getKey()
                    + " failed; retrying in " + settings.renewInterval());
        }
    }

    /**
     * Renews one run's lease now, from its own thread after an in-thread wait, so a cancel or pause
     * made on another node is seen before the run does more work.
     */
    @Override
    public void renewNow(Execution execution) {
        Lease lease = claimed.get(execution.run().id());
        if (lease != null) {
            // the lease holds until it expires, the next write is fenced and the periodic renewal tries again:
            // a renewal that met a dropped connection is no reason to give the run up
            renewed(execution.run().id(), lease,
                    () -> "Renewing the lease on run " + execution.run().id() + " failed; going on");
        }
    }

    /**
     * Whether a renewal failed for the database's reasons: a store failure, or a commit of the store's
     * own transaction that failed (a {@code TransactionalException} that is no {@link StoreException}).
     */
    private static boolean renewalFailed(RuntimeException e) {
        return e instanceof StoreException || StoreFailure.fromDatabase(e);
    }

    /**
     * Renews one lease; a failure for the database's reasons is logged (FINE) and reported, any other
     * is thrown.
     *
     * @param whenFailed the log message for a renewal the database refused
     * @return whether the renewal reached the database (the lease may have been found lost)
     */
    private boolean renewed(RunId runId, Lease lease, Supplier<String> whenFailed) {
        try {
            renew(runId, lease);
            return true;
        } catch (RuntimeException e) {
            if (!renewalFailed(e)) {
                throw e;
            }
            LOG.log(Level.FINE, e, whenFailed);
            return false;
        }
    }

    private void renew(RunId runId, Lease lease) {
        Instant expiry = clock.instant().plus(settings.leaseDuration());
        Lease renewed = lease.renewedUntil(expiry);
        switch (store.renew(lease, expiry)) {
            // journal writes are fenced by the epoch, which renewal keeps: the execution's lease needs no update
            case HELD -> claimed.replace(runId, lease, renewed);
            case HELD_PAUSED -> {
                claimed.replace(runId, lease, renewed);
                pausedLocally(runId);
            }
            case LOST -> {
                LOG.info(() -> "Lost the lease on run " + runId
                        + " (claimed elsewhere or cancelled); it stops at its next durable call");
                stopLocally(runId);
            }
        }
    }

    /**
     * The run was cancelled, or another node holds it: if it executes here, it stops before its next
     * step body, wait or journal write (its writes would be refused anyway).
     */
    void stopLocally(RunId runId) {
        Execution execution = executions.get(runId);
        if (execution != null) {
            execution.abort(new io.durable.api.LeaseLostException(runId.value(), execution.lease().epoch()));
        }
    }

    private void renewQuietly() {
        try {
            renewLeases();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Renewing leases failed; retrying in " + settings.renewInterval());
        }
    }

    @Override
    public boolean stopping() {
        return stopping;
    }

    /** Stops claiming and gives up the leases of what still executes, so a restart resumes them at once. */
    void stop() {
        if (!started || stopping) {
            return;
        }
        stopping = true;
        Instant now = clock.instant();
        for (Lease lease : claimed.values()) {
            try {
                store.release(lease, now);
            } catch (RuntimeException e) {
                LOG.fine(() -> "Could not release run " + lease.runId() + "; it resumes once its lease expires");
            }
        }
        threads.stop();
    }

    public int executingCount() {
        return claimed.size();
    }
}
