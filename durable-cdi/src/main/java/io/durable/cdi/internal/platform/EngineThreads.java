package io.durable.cdi.internal.platform;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The engine's threads. In an application server they come from the container's default
 * {@code ManagedThreadFactory} (Jakarta Concurrency), so CDI, JNDI, security and JTA work in workflow
 * code; the pool has exactly {@code max-concurrent-runs} workers, so the limit is the engine's, not a
 * container default. In Java SE (tests, benchmarks) plain daemon threads are used.
 */
@ApplicationScoped
public class EngineThreads {

    static final String MANAGED_THREAD_FACTORY = "java:comp/DefaultManagedThreadFactory";
    /** The most threads parallel branches use at once, over all runs of this node. */
    static final int MAX_BRANCH_THREADS = 64;
    /** The most calls that wait for the container-call thread; past it the caller uses a fallback. */
    static final int CONTAINER_CALLS_QUEUED = 10_000;
    /** The threads for checks (a store ping, a count of runs): one each, so a hanging one delays no other. */
    static final int CHECK_THREADS = 2;
    /** The most checks that wait for a check thread; past it a check is refused. */
    static final int CHECKS_QUEUED = 8;
    private static final Logger LOG = Logger.getLogger(EngineThreads.class.getName());

    @Inject
    EngineSettings settings;

    private ExecutorService workers;
    private ScheduledExecutorService scheduler;
    private ExecutorService branches;
    private ExecutorService containerCalls;
    private ExecutorService checks;

    public synchronized void start() {
        if (workers != null) {
            return;
        }
        ThreadFactory factory = threadFactory();
        int size = settings.maxConcurrentRuns();
        workers = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                named(factory, "durable-run-"));
        ((ThreadPoolExecutor) workers).allowCoreThreadTimeOut(true);
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, named(factory, "durable-engine-"));
        timers.setRemoveOnCancelPolicy(true);
        scheduler = timers;
        // parallel branches: a thread each while threads are free; past the cap the forking thread runs the
        // branch itself, so a block never waits for a thread that a waiting block holds (also while shutting down)
        branches = new ThreadPoolExecutor(0, MAX_BRANCH_THREADS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                named(factory, "durable-branch-"), (task, pool) -> task.run());
        // calls into container services that may wait on the container's cluster (Payara Micro keeps persistent
        // timers in its data grid, which waits for a frozen member until it is declared dead): one thread, in
        // order, so neither a run's thread nor the scheduler that renews leases ever waits for another node
        ThreadPoolExecutor calls = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(CONTAINER_CALLS_QUEUED), named(factory, "durable-container-"));
        calls.allowCoreThreadTimeOut(true);
        containerCalls = calls;
        // health checks and counts for gauges: off the scheduler, so a database that hangs a check never
        // delays a sweep or a lease renewal; each caller keeps at most one check of its own in flight. The
        // threads are started now, in the application's context: a managed thread created later, from the
        // server's health or metrics endpoint (another module), would carry that module's context (Payara:
        // "Module __default-web-module is disabled") and never run the check
        ThreadPoolExecutor checking = new ThreadPoolExecutor(CHECK_THREADS, CHECK_THREADS, 0, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(CHECKS_QUEUED), named(factory, "durable-check-"));
        checking.prestartAllCoreThreads();
        checks = checking;
    }

    /**
     * Threads for health checks and the counts behind gauges, {@value #CHECK_THREADS} started with the
     * engine; it refuses work ({@link java.util.concurrent.RejectedExecutionException}) when
     * {@value #CHECKS_QUEUED} checks wait already.
     *
     * @return the executor, or {@code null} before the engine started
     */
    public ExecutorService checks() {
        return checks;
    }

    /**
     * One thread for calls into container services that may block on the container's cluster (a
     * persistent timer); it refuses work ({@link java.util.concurrent.RejectedExecutionException})
     * when {@value #CONTAINER_CALLS_QUEUED} calls wait already or the engine has not started.
     */
    public ExecutorService containerCalls() {
        return containerCalls;
    }

    public ExecutorService branches() {
        return branches;
    }

    public ExecutorService workers() {
        return workers;
    }

    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    @PreDestroy
    public synchronized void stop() {
        if (workers != null) {
            scheduler.shutdownNow();
            workers.shutdownNow();
            branches.shutdownNow();
            containerCalls.shutdownNow();
            checks.shutdownNow();
        }
    }

    private static ThreadFactory threadFactory() {
        try {
            return (ThreadFactory) new InitialContext().lookup(MANAGED_THREAD_FACTORY);
        } catch (NamingException | RuntimeException | LinkageError e) {
            LOG.info(() -> "No " + MANAGED_THREAD_FACTORY + " (not in an application server); "
                    + "the engine runs workflows on plain threads");
            return Executors.defaultThreadFactory();
        }
    }

    private static ThreadFactory named(ThreadFactory factory, String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return task -> {
            Thread thread = factory.newThread(task);
            try {
                thread.setName(prefix + counter.incrementAndGet());
                thread.setDaemon(true);
            } catch (SecurityException | IllegalThreadStateException e) {
                // a managed factory may refuse; its own names are fine
            }
            return thread;
        };
    }
}
