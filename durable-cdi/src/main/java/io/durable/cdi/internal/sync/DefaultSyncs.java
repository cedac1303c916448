package io.durable.cdi.internal.sync;

import io.durable.api.DurableContext;
import io.durable.api.RetryPolicy;
import io.durable.api.RunInfo;
import io.durable.api.StepOptions;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonTypes;
import io.durable.cdi.internal.time.InThreadWait;
import io.durable.cdi.internal.time.RetryPolicies;
import io.durable.cdi.internal.tracking.DefaultRunTracker;
import io.durable.cdi.internal.tracking.TrackingOwners;
import io.durable.spi.EngineClock;
import io.durable.spi.TransactionRunner;
import io.durable.sync.ResourceLockedException;
import io.durable.sync.SyncBody;
import io.durable.sync.SyncCompleted;
import io.durable.sync.SyncEvent;
import io.durable.sync.SyncFailed;
import io.durable.sync.SyncFailedException;
import io.durable.sync.SyncResult;
import io.durable.sync.SyncSpec;
import io.durable.sync.Syncs;
import io.durable.api.RunStatus;
import io.durable.track.TrackedRun;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The sync lifecycle. In workflow code: {@code sync.begin} (take over the run's tracked run, take
 * the lock under the run's id), the body, then {@code sync.finish} or {@code sync.fail} (end the
 * tracked run, release the lock, fire the event), each a transactional step, so a crash anywhere
 * resumes where the sync was. Elsewhere the same on the calling thread.
 */
@ApplicationScoped
public class DefaultSyncs implements Syncs {

    /** How often a sync waiting for a busy resource looks again. */
    public static final Duration WAIT_POLL = Duration.ofSeconds(2);
    static final Type COUNTERS = JsonTypes.parameterized(Map.class, String.class, Long.class);
    private static final Logger LOG = Logger.getLogger(DefaultSyncs.class.getName());

    @Inject
    DurableContext ctx;

    @Inject
    DefaultRunTracker tracker;

    @Inject
    TrackingOwners owners;

    @Inject
    Deployment extension;

    @Inject
    TransactionRunner transactions;

    @Inject
    InThreadWait inThreadWait;

    @Inject
    Event<SyncEvent> events;

    @Inject
    @EngineClock
    Clock clock;

    @Override
    public <T> SyncResult<T> run(SyncSpec spec, SyncBody<T> body) {
        Scope scope = Scope.current();
        if (scope == null) {
            return plain(spec, body);
        }
        if (scope.inStep()) {
            throw new WorkflowUsageException("A sync was started inside step " + scope.currentStepKey()
                    + "; start it from workflow code, where its pages become steps");
        }
        return durable(scope, spec, body);
    }

    private <T> SyncResult<T> durable(Scope scope, SyncSpec spec, SyncBody<T> body) {
        RunInfo run = scope.execution().run();
        String runId = run.id().value();
        String owner = owners.current();
        String lock = lockKey(owner, spec.resource());
        Instant firstTry = ctx.now();
        while (true) {
            SyncBegin begin = ctx.step("sync.begin", SyncBegin.class, StepOptions.TRANSACTIONAL,
                    () -> begin(runId, spec, lock));
            if (begin.acquired()) {
                break;
            }
            if (spec.onBusy() == SyncSpec.OnBusy.REFUSE || !ctx.now().isBefore(firstTry.plus(spec.maxWait()))) {
                ResourceLockedException refused = new ResourceLockedException(spec.resource(), begin.holder(),
                        begin.expiresAt());
                ctx.step("sync.refused", Void.class, StepOptions.TRANSACTIONAL, () -> {
                    fail(runId, false, spec, null, refused.getMessage());
                    return null;
                });
                throw refused;
            }
            ctx.sleep(WAIT_POLL);
        }
        SyncRun sync = new DurableSyncRun(this, runId, spec, lock);
        T value;
        try {
            value = body.run(sync);
        } catch (Exception e) {
            if (scope.execution().abortCause() != null) {
                throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
            }
            String error = DefaultRunTracker.describe(e);
            ctx.step("sync.fail", Void.class, StepOptions.TRANSACTIONAL, () -> {
                fail(runId, false, spec, lock, error);
                return null;
            });
            throw new SyncFailedException(runId, spec.resource(), error, e);
        }
        Map<String, Long> counters = ctx.step("sync.finish", COUNTERS, StepOptions.TRANSACTIONAL,
                () -> finish(runId, false, spec, lock, value));
        return new SyncResult<>(runId, spec.resource(), counters, value);
    }

    private SyncBegin begin(String runId, SyncSpec spec, String lock) {
        try {
            tracker.store().acquireLock(lock, runId, clock.instant(), spec.lockTtl());
            return new SyncBegin(true, runId, null);
        } catch (ResourceLockedException e) {
            return new SyncBegin(false, e.holder(), e.expiresAt());
        }
    }

    private <T> SyncResult<T> plain(SyncSpec spec, SyncBody<T> body) {
        String runId = tracker.createRun(new io.durable.track.RunSpec(spec.runType(), spec.trigger(), null));
        tracker.startRun(runId);
        String lock = lockKey(owners.current(), spec.resource());
        Instant deadline = spec.onBusy() == SyncSpec.OnBusy.WAIT ? clock.instant().plus(spec.maxWait()) : clock.instant();
        while (true) {
            try {
                tracker.store().acquireLock(lock, runId, clock.instant(), spec.lockTtl());
                break;
            } catch (ResourceLockedException e) {
                if (!clock.instant().isBefore(deadline)) {
                    fail(runId, true, spec, null, e.getMessage());
                    throw e;
                }
                pause(WAIT_POLL);
            }
        }
        SyncRun sync = new PlainSyncRun(this, runId, spec, lock);
        T value;
        try {
            value = body.run(sync);
        } catch (Exception e) {
            String error = DefaultRunTracker.describe(e);
            fail(runId, true, spec, lock, error);
            throw new SyncFailedException(runId, spec.resource(), error, e);
        }
        return new SyncResult<>(runId, spec.resource(), finish(runId, true, spec, lock, value), value);
    }

    /**
     * Ends a sync: a plain sync's tracked job ends here; a durable sync's run is the workflow run,
     * which ends once, when its workflow method returns or throws.
     */
    private Map<String, Long> finish(String runId, boolean job, SyncSpec spec, String lock, Object value) {
        TrackedRun ended = job ? tracker.end(runId, RunStatus.COMPLETED, tracker.json(value), null)
                : tracker.run(runId).orElseThrow();
        release(lock, runId);
        events.select(SyncCompleted.class).fire(new SyncCompleted(runId, spec.runType(), spec.resource(), ended.counters()));
        return ended.counters();
    }

    private void fail(String runId, boolean job, SyncSpec spec, String lock, String error) {
        TrackedRun ended = job ? tracker.end(runId, RunStatus.FAILED, null, error) : tracker.run(runId).orElseThrow();
        if (lock != null) {
            release(lock, runId);
        }
        events.select(SyncFailed.class).fire(new SyncFailed(runId, spec.runType(), spec.resource(), error,
                ended.counters()));
    }

    private void release(String lock, String runId) {
        if (!tracker.store().releaseLock(lock, runId)) {
            LOG.warning(() -> "Sync run " + runId + " no longer held the lock on " + lock + " when it ended");
        }
    }

    /** Renews the sync's lock. */
    void renew(String lock, String runId, Duration ttl) {
        if (!tracker.store().renewLock(lock, runId, clock.instant(), ttl)) {
            throw new io.durable.sync.LockLostException(lock, runId);
        }
    }

    /** Runs plain-sync work in a transaction of its own. */
    <T> T inTransaction(Callable<T> work) throws Exception {
        return transactions.inNewTransaction(work);
    }

    /**
     * Runs a plain sync's fetch with retries on this thread, per the policy (and any Retry-After).
     */
    <T> T withRetries(String what, String retry, Callable<T> fetch) throws Exception {
        RetryPolicy policy = extension.retryPolicies().policy(retry);
        for (int attempt = 1; ; attempt++) {
            try {
                return fetch.call();
            } catch (Exception e) {
                if (!policy.allowsRetryAfter(attempt) || e.getClass().isAnnotationPresent(io.durable.api.NonRetryable.class)) {
                    throw e;
                }
                Duration wait = RetryPolicies.waitAfter(policy, attempt, e);
                int failed = attempt;
                LOG.log(Level.FINE, e, () -> what + " failed attempt " + failed + "; retrying in " + wait);
                pause(wait);
            }
        }
    }

    private void pause(Duration wait) {
        try {
            inThreadWait.await(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a sync waited", e);
        }
    }

    Clock clock() {
        return clock;
    }

    @Override
    public java.util.Optional<io.durable.sync.ResourceLock> liveLock(String resource) {
        return tracker.store().findLock(lockKey(owners.current(), resource))
                .filter(lock -> lock.isLive(clock.instant()));
    }

    static String lockKey(String owner, String resource) {
        return owner.isEmpty() ? resource : owner + "/" + resource;
    }
}
