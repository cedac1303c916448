package io.durable.cdi.internal.platform;

import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether the store answers, for a readiness check: one cheap statement ({@link WorkflowStore#ping}) in
 * a transaction of its own on the engine's check thread, waited for at most {@link #TIMEOUT}. At most
 * one such statement is ever in flight: while one hangs (a pool that waits for connections to a
 * database that is gone), every check answers "down" at once instead of piling up threads.
 */
@ApplicationScoped
public class StoreProbe {

    /** How long a check waits for the database. */
    public static final Duration TIMEOUT = Duration.ofSeconds(2);

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    EngineThreads threads;

    private final AtomicReference<FutureTask<Void>> inFlight = new AtomicReference<>();

    /**
     * What a check found.
     *
     * @param up      whether the store answered
     * @param took    how long the check waited
     * @param problem why not, in words without SQL or data, or {@code null} when up
     */
    public record Result(boolean up, Duration took, String problem) {
    }

    /**
     * Checks the store, waiting at most {@link #TIMEOUT}.
     *
     * @return the result
     */
    public Result check() {
        long start = System.nanoTime();
        ExecutorService checks = threads.checks();
        if (checks == null) {
            return new Result(false, Duration.ZERO, "the engine has not started");
        }
        FutureTask<Void> task = inFlight.get();
        boolean earlier = task != null;
        if (!earlier) {
            FutureTask<Void> ping = ping();
            task = inFlight.compareAndExchange(null, ping);
            earlier = task != null;
            if (!earlier) {
                task = ping;
                try {
                    checks.execute(ping);
                } catch (RejectedExecutionException e) {
                    inFlight.set(null);
                    return new Result(false, Duration.ZERO, "the engine is stopping");
                }
            }
        }
        try {
            task.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return new Result(true, Duration.ofNanos(System.nanoTime() - start), null);
        } catch (TimeoutException e) {
            return new Result(false, Duration.ofNanos(System.nanoTime() - start), (earlier
                    ? "an earlier check still waits for the database" : "the database did not answer") + " within "
                    + TIMEOUT.toMillis() + " ms");
        } catch (ExecutionException e) {
            return new Result(false, Duration.ofNanos(System.nanoTime() - start), "the database did not answer ("
                    + rootType(e.getCause()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(false, Duration.ofNanos(System.nanoTime() - start), "interrupted");
        }
    }

    private FutureTask<Void> ping() {
        return new FutureTask<>(() -> {
            try {
                StoreCalls.inTransaction(transactions, "checking that the database answers", () -> {
                    store.ping(TIMEOUT);
                    return null;
                });
                return null;
            } finally {
                inFlight.set(null);
            }
        });
    }

    /** The type of the innermost cause: says what failed without the message, which may carry SQL. */
    private static String rootType(Throwable failure) {
        Throwable root = failure;
        for (int depth = 0; root.getCause() != null && root.getCause() != root && depth < 20; depth++) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
