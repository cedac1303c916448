package io.durable.cdi.internal.platform;

import io.durable.spi.EngineClock;
import io.durable.spi.RunVitals;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The store's counts of unfinished and stuck runs ({@link WorkflowStore#vitals}), for the health check
 * and the gauges, read at most every {@value #REFRESH_SECONDS} seconds however often they are asked
 * for, on the engine's check thread: a reader gets the latest counts at once, and waits (briefly) only
 * for a refresh it started itself. So a scrape of {@code /metrics} or a health probe never queues up
 * queries, and never hangs on a database that does not answer.
 */
@ApplicationScoped
public class RunVitalsCache {

    /** The most each count reaches: a count of this many means at least that many. */
    public static final int CAP = 10_000;
    static final long REFRESH_SECONDS = 10;
    private static final Duration REFRESH = Duration.ofSeconds(REFRESH_SECONDS);
    private static final Logger LOG = Logger.getLogger(RunVitalsCache.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    EngineThreads threads;

    @Inject
    EngineSettings settings;

    @Inject
    @EngineClock
    Clock clock;

    private volatile Measured latest;
    private final AtomicReference<FutureTask<Measured>> refreshing = new AtomicReference<>();

    /**
     * Counts as measured at one time.
     *
     * @param vitals     the counts
     * @param measuredAt when (the engine's clock)
     * @param stuckAfter how long a run was due, or its lease expired, to count as stuck
     */
    public record Measured(RunVitals vitals, Instant measuredAt, Duration stuckAfter) {
    }

    /**
     * A run that has been due this long, or whose lease expired this long ago, without a node claiming
     * it counts as stuck: three sweep intervals, at least 10 s.
     *
     * @return the bound
     */
    public Duration stuckAfter() {
        Duration three = settings.sweepInterval().multipliedBy(3);
        return three.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : three;
    }

    /**
     * The latest counts. When they are older than {@value #REFRESH_SECONDS} s (or there are none) a
     * refresh starts on the check thread, unless one is running; this call waits for a refresh it
     * started, up to {@code wait}.
     *
     * @param wait how long to wait for a refresh this call started
     * @return the latest counts, or empty when none were measured yet or the store counts nothing
     */
    public Optional<Measured> latest(Duration wait) {
        Measured known = latest;
        if (known != null && !clock.instant().isAfter(known.measuredAt().plus(REFRESH))) {
            return Optional.of(known);
        }
        FutureTask<Measured> started = startRefresh();
        if (started != null) {
            try {
                started.get(wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // the refresh logs its own failure; the counts measured before stay
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Measures now, on this thread.
     *
     * @return the counts, or {@code null} when the store counts nothing
     * @throws io.durable.api.StoreException when the database fails
     */
    public Measured refresh() {
        Instant now = clock.instant();
        Duration stuckAfter = stuckAfter();
        Optional<RunVitals> vitals = StoreCalls.inTransaction(transactions, "counting unfinished runs",
                () -> store.vitals(now, now.minus(stuckAfter), CAP));
        Measured measured = vitals.map(v -> new Measured(v, now, stuckAfter)).orElse(null);
        if (measured != null) {
            latest = measured;
        }
        return measured;
    }

    private FutureTask<Measured> startRefresh() {
        ExecutorService checks = threads.checks();
        if (checks == null) {
            return null;
        }
        FutureTask<Measured> task = new FutureTask<>(() -> {
            try {
                return refresh();
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "Counting the unfinished runs failed; the counts measured before stay");
                throw e;
            } finally {
                refreshing.set(null);
            }
        });
        if (!refreshing.compareAndSet(null, task)) {
            return null;
        }
        try {
            checks.execute(task);
            return task;
        } catch (RejectedExecutionException e) {
            refreshing.set(null);
            return null;
        }
    }
}
