package io.durable.sync;

import java.time.Duration;
import java.util.Objects;

/**
 * What a sync is and how it behaves.
 *
 * @param runType     the sync's type, for example {@code sync_customers} (1 to 100 characters): a plain sync's
 *                    tracked job has it; a durable sync runs as its workflow run (typed by the workflow name)
 *                    and names it in its events
 * @param resource    the synced resource, locked while the sync runs (1 to 200 characters)
 * @param trigger     what started it, for example {@code cron} or {@code manual}
 * @param onBusy      what to do when another holder has the resource's lock
 * @param maxWait     with {@link OnBusy#WAIT}, how long to wait for the lock at most
 * @param lockTtl     how long the lock holds unless renewed (the sync renews it with every page)
 * @param sliceBudget how long one slice of a durable sync may run before it continues in a fresh
 *                    slice; a plain sync reports "out of time" after it
 */
public record SyncSpec(String runType, String resource, String trigger, OnBusy onBusy, Duration maxWait,
                       Duration lockTtl, Duration sliceBudget) {

    /** The default lock time-to-live. */
    public static final Duration DEFAULT_LOCK_TTL = Duration.ofMinutes(5);
    /** The default slice budget, well below the usual JTA transaction timeouts. */
    public static final Duration DEFAULT_SLICE_BUDGET = Duration.ofSeconds(60);

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when one is missing or out of range
     */
    public SyncSpec {
        Objects.requireNonNull(onBusy, "onBusy");
        if (runType == null || runType.isBlank() || runType.length() > 100) {
            throw new IllegalArgumentException("runType must be 1 to 100 characters, got '" + runType + "'");
        }
        if (resource == null || resource.isBlank() || resource.length() > 200) {
            throw new IllegalArgumentException("resource must be 1 to 200 characters, got '" + resource + "'");
        }
        positive("lockTtl", lockTtl);
        positive("sliceBudget", sliceBudget);
        if (onBusy == OnBusy.WAIT) {
            positive("maxWait", maxWait);
        }
    }

    private static void positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, got " + value);
        }
    }

    /**
     * A sync that refuses to start while the resource is locked, with the default lock TTL and
     * slice budget.
     *
     * @param runType  the run type
     * @param resource the resource
     * @param trigger  the trigger
     * @return the spec
     */
    public static SyncSpec of(String runType, String resource, String trigger) {
        return new SyncSpec(runType, resource, trigger, OnBusy.REFUSE, null, DEFAULT_LOCK_TTL, DEFAULT_SLICE_BUDGET);
    }

    /**
     * This spec waiting up to {@code maxWait} for a busy resource.
     *
     * @param wait the longest wait
     * @return the changed copy
     */
    public SyncSpec waitingUpTo(Duration wait) {
        return new SyncSpec(runType, resource, trigger, OnBusy.WAIT, wait, lockTtl, sliceBudget);
    }

    /**
     * This spec with another slice budget.
     *
     * @param budget the budget
     * @return the changed copy
     */
    public SyncSpec withSliceBudget(Duration budget) {
        return new SyncSpec(runType, resource, trigger, onBusy, maxWait, lockTtl, budget);
    }

    /**
     * This spec with another lock time-to-live.
     *
     * @param ttl the TTL
     * @return the changed copy
     */
    public SyncSpec withLockTtl(Duration ttl) {
        return new SyncSpec(runType, resource, trigger, onBusy, maxWait, ttl, sliceBudget);
    }

    /** What a sync does when its resource is locked by another live holder. */
    public enum OnBusy {
        /** Fail at once with {@link ResourceLockedException}. */
        REFUSE,
        /** Wait (a durable sync parks between looks) up to {@code maxWait}, then fail. */
        WAIT
    }
}
