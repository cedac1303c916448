package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.spi.EngineClock;
import io.durable.spi.Lease;
import io.durable.spi.RecoverySweep;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Decides what this node executes. A run is claimed (lease with a new epoch) before it runs, on one
 * of at most {@code max-concurrent-runs} slots; the rest wait in the store as PENDING. The node polls
 * for pending runs and for runs whose lease expired (their node died), renews the leases of what it
 * executes, and gives them up on shutdown so a restart resumes them at once.
 */
@ApplicationScoped
class Dispatcher implements ExecutionRegistry, RecoverySweep {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    RunExecutor executor;

    @Inject
    EngineThreads threads;

    @Inject
    EngineSettings settings;

    @Inject
    @EngineClock
    Clock clock;

    private final Map<RunId, Lease> claimed = new ConcurrentHashMap<>();
    private final AtomicBoolean pollQueued = new AtomicBoolean();
    private volatile boolean pendingMayWait;
    private volatile boolean started;
    private volatile boolean stopping;
    private Semaphore slots;

    synchronized void start() {
        if (started) {
            return;
        }
        slots = new Semaphore(settings.maxConcurrentRuns());
        threads.start();
        long poll = settings.pollInterval().toMillis();
        long renew = settings.renewInterval().toMillis();
        threads.scheduler().scheduleWithFixedDelay(this::pollQuietly, 0, poll, TimeUnit.MILLISECONDS);
        threads.scheduler().scheduleWithFixedDelay(this::renewQuietly, renew, renew, TimeUnit.MILLISECONDS);
        started = true;
        LOG.info(() -> "Durable engine started on node " + settings.nodeId() + " with " + settings.maxConcurrentRuns()
                + " execution slots, lease " + settings.leaseDuration() + ", poll every " + settings.pollInterval());
    }

    /** A run was just stored: execute it here at once when a slot is free. */
    void offer(RunId runId) {
        if (!started || stopping) {
            return;
        }
        if (slots.tryAcquire()) {
            claimAndSubmit(runId);
        } else {
            pendingMayWait = true;
        }
    }

    /** Claims what is claimable, as far as slots are free. Called periodically and after runs finish. */
    void poll() {
        if (!started || stopping) {
            return;
        }
        int free = slots.availablePermits();
        if (free == 0) {
            pendingMayWait = true;
            return;
        }
        pendingMayWait = false;
        List<RunId> claimable = store.findClaimable(clock.instant(), free);
        for (RunId runId : claimable) {
            if (claimed.containsKey(runId)) {
                continue;
            }
            if (!slots.tryAcquire()) {
                pendingMayWait = true;
                return;
            }
            claimAndSubmit(runId);
        }
        if (claimable.size() >= free) {
            pendingMayWait = true;
        }
    }

    private void claimAndSubmit(RunId runId) {
        boolean submitted = false;
        try {
            Instant now = clock.instant();
            Optional<Lease> lease = store.claim(runId, settings.nodeId(), now, settings.leaseDuration());
            if (lease.isPresent()) {
                claimed.put(runId, lease.get());
                threads.workers().execute(() -> run(lease.get()));
                submitted = true;
            }
        } catch (RejectedExecutionException e) {
            claimed.remove(runId);
            LOG.fine(() -> "Run " + runId + " not submitted: the engine is stopping");
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not claim run " + runId + "; a later poll retries");
        } finally {
            if (!submitted) {
                slots.release();
            }
        }
    }

    private void run(Lease lease) {
        try {
            executor.execute(lease, this);
        } catch (RuntimeException | Error e) {
            LOG.log(Level.SEVERE, e, () -> "Run " + lease.runId() + " stopped unexpectedly; it resumes once its lease expires");
        } finally {
            claimed.remove(lease.runId());
            slots.release();
            if (pendingMayWait) {
                queuePoll();
            }
        }
    }

    @Override
    public void sweep() {
        poll();
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

    private void pollQuietly() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Polling for runs failed; retrying in " + settings.pollInterval());
        }
    }

    /** Renews the lease of every run this node executes; a lost lease stops that run's journaling. */
    void renewLeases() {
        Instant expiry = clock.instant().plus(settings.leaseDuration());
        for (Map.Entry<RunId, Lease> entry : claimed.entrySet()) {
            Lease renewed = entry.getValue().renewedUntil(expiry);
            if (store.renew(entry.getValue(), expiry)) {
                // journal writes are fenced by the epoch, which renewal keeps: the execution's lease needs no update
                claimed.replace(entry.getKey(), entry.getValue(), renewed);
            } else {
                LOG.warning(() -> "Lost the lease on run " + entry.getKey() + "; its journal writes will be refused");
            }
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

    int executingCount() {
        return claimed.size();
    }
}
