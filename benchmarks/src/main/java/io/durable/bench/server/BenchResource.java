package io.durable.bench.server;

import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.bench.NoopWorkflow;
import io.durable.bench.compare.CountingDriver;
import io.durable.bench.compare.ProcessCpu;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives the engine from inside the server: N runs of K no-op steps from M managed threads (each
 * starts a run and awaits its result, then the next), or N lone runs one after the other on one
 * managed thread. A request starts a job and answers its number at once (a measurement takes minutes,
 * longer than an HTTP request should stay open); {@code result?job=} answers {@code running} or one
 * line: seconds, p50 ms, p99 ms, then the JDBC counts of the engine's database over the runs
 * (executes, batches, batched rows, commits, rollbacks), then the server process's CPU time over the
 * runs in ns.
 */
@Path("bench")
@ApplicationScoped
public class BenchResource {

    private static final String DATABASE = "durable_server_bench";

    @Inject
    WorkflowEngine engine;

    @Resource(lookup = "java:comp/DefaultManagedThreadFactory")
    ManagedThreadFactory threads;

    private final AtomicInteger batch = new AtomicInteger();
    private final java.util.Map<Integer, String> results = new java.util.concurrent.ConcurrentHashMap<>();

    private String job(java.util.concurrent.Callable<String> work) {
        int job = batch.incrementAndGet();
        results.put(job, "running");
        threads.newThread(() -> {
            String answer;
            try {
                answer = work.call();
            } catch (Exception | Error e) {
                answer = "failed " + e;
            }
            results.put(job, answer);
        }).start();
        return Integer.toString(job);
    }

    @GET
    @Path("result")
    @Produces(MediaType.TEXT_PLAIN)
    public String result(@QueryParam("job") int job) {
        return results.getOrDefault(job, "failed no job " + job);
    }

    @GET
    @Path("ping")
    @Produces(MediaType.TEXT_PLAIN)
    public String ping() {
        return "ok";
    }

    @GET
    @Path("runs")
    @Produces(MediaType.TEXT_PLAIN)
    public String runs(@QueryParam("k") int k, @QueryParam("n") int n, @QueryParam("threads") int m) {
        return job(() -> runs(k, n, m, "b" + batch.get() + "-"));
    }

    private String runs(int k, int n, int m, String batchPrefix) throws InterruptedException {
        String prefix = batchPrefix + System.nanoTime() + "-";
        long[] latencies = new long[n];
        AtomicInteger next = new AtomicInteger();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long[] before = CountingDriver.counts(DATABASE).snapshot();
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < m; t++) {
            Thread worker = threads.newThread(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < n && failure.get() == null; i = next.getAndIncrement()) {
                        long t0 = System.nanoTime();
                        run(prefix + i, k);
                        latencies[i] = System.nanoTime() - t0;
                    }
                } catch (RuntimeException | Error e) {
                    failure.compareAndSet(null, e);
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(Duration.ofMinutes(15).toMillis());
        }
        return answer(start, cpu, latencies, before, failure.get());
    }

    @GET
    @Path("lone")
    @Produces(MediaType.TEXT_PLAIN)
    public String lone(@QueryParam("k") int k, @QueryParam("n") int n) {
        return job(() -> lone(k, n, "l" + batch.get() + "-"));
    }

    private String lone(int k, int n, String batchPrefix) {
        String prefix = batchPrefix + System.nanoTime() + "-";
        long[] latencies = new long[n];
        long[] before = CountingDriver.counts(DATABASE).snapshot();
        long cpu = ProcessCpu.nanos();
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t0 = System.nanoTime();
            run(prefix + i, k);
            latencies[i] = System.nanoTime() - t0;
        }
        return answer(start, cpu, latencies, before, null);
    }

    /**
     * One lone run, in this request: its time from start to result in nanoseconds, measured here, then
     * the JDBC calls it made (as {@link #answer} counts them), space-separated. For lone runs taking turns
     * with another library run by run, where a job and its polling would cost more than the run.
     */
    @GET
    @Path("lone-one")
    @Produces(MediaType.TEXT_PLAIN)
    public String loneOne(@QueryParam("k") int k, @QueryParam("id") String id) {
        long[] before = CountingDriver.counts(DATABASE).snapshot();
        long t0 = System.nanoTime();
        run(id, k);
        StringBuilder line = new StringBuilder().append(System.nanoTime() - t0);
        long[] after = CountingDriver.counts(DATABASE).snapshot();
        for (int i = 0; i < after.length; i++) {
            line.append(' ').append(after[i] - before[i]);
        }
        return line.toString();
    }

    private void run(String id, int k) {
        RunId run = engine.start(NoopWorkflow.class, id, k);
        Integer result = engine.awaitResult(run, Integer.class, Duration.ofMinutes(2));
        if (result != k * (k - 1) / 2) {
            throw new IllegalStateException("run " + id + " returned " + result);
        }
    }

    private static String answer(long start, long cpu, long[] latencies, long[] before, Throwable failure) {
        double seconds = (System.nanoTime() - start) / 1e9;
        long cpuUsed = ProcessCpu.nanos() - cpu;
        if (failure != null) {
            return "failed " + failure;
        }
        long[] after = CountingDriver.counts(DATABASE).snapshot();
        StringBuilder line = new StringBuilder();
        long[] sorted = latencies.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        line.append(seconds).append(' ').append(sorted[(int) Math.floor(0.50 * (n - 1))] / 1e6).append(' ')
                .append(sorted[(int) Math.ceil(0.99 * (n - 1))] / 1e6);
        for (int i = 0; i < after.length; i++) {
            line.append(' ').append(after[i] - before[i]);
        }
        line.append(' ').append(cpuUsed);
        return line.toString();
    }
}
