package io.durable.bench.compare;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Compares this engine in Java SE with DBOS Transact Java and with raw JDBC, in one JVM, against one
 * PostgreSQL, each on its own database: for each K, N runs of K no-op steps, C at a time (each of C
 * threads starts a run and awaits its result, then the next), interleaved by library; then lone
 * K-step runs one after the other (start, then await the result on the caller's thread), measured
 * twice: each library on its own, and all libraries open side by side taking turns run by run
 * ({@code kind=lone-rr}), so that a change of the machine's load hits every library alike. Prints
 * one CSV line per measurement and a summary against the targets.
 *
 * <p>Arguments: {@code N [K,K,...] [LONE]}, default {@code 200 1,10,100 200}. System properties:
 * {@code bench.server} (127.0.0.1:5432), {@code bench.user} (postgres), {@code bench.concurrency}
 * (32), {@code bench.lone-steps} (10), {@code bench.stats} (true: read pg_stat_database/pg_stat_wal,
 * which costs about 25 s of settling per measurement), {@code bench.only} (e.g. {@code raw,dbos,
 * dbos32,durable}), {@code bench.timeout} (seconds per measurement, 900), {@code bench.warm-up-seconds}
 * (20).
 *
 * <p>Each measurement follows a warm-up of the same shape on the same database: at least N/10 runs
 * (2 C at least; 20 lone runs) and at least {@code bench.warm-up-seconds}, repeated until both are
 * done, so that what is measured is each library once the JIT compiler has done most of its work (on
 * a 2-core machine the engine's code is still being compiled 15 s after start, and the compiler's
 * threads then take a third of the CPU).
 */
public final class Compare {

    /** The least time each warm-up takes, from {@code bench.warm-up-seconds}. */
    static final long WARM_UP_NANOS = TimeUnit.SECONDS.toNanos(Long.getLong("bench.warm-up-seconds", 20));

    private Compare() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int[] shapes = args.length > 1 ? shapes(args[1]) : new int[]{1, 10, 100};
        int lone = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int concurrency = Integer.getInteger("bench.concurrency", 32);
        int loneSteps = Integer.getInteger("bench.lone-steps", 10);
        boolean stats = Boolean.parseBoolean(System.getProperty("bench.stats", "true"));
        List<String> only = Arrays.asList(System.getProperty("bench.only", "raw,dbos,dbos32,durable").split(","));
        long timeout = Long.getLong("bench.timeout", 900);
        quietLogging();
        CountingDriver.install();
        PgStats pg = new PgStats(System.getProperty("bench.server", "127.0.0.1:5432"),
                System.getProperty("bench.user", "postgres"));

        Map<String, Supplier<Subject>> subjects = new LinkedHashMap<>();
        subjects.put("raw", () -> new RawJdbc(pg, concurrency));
        subjects.put("dbos", () -> new Dbos(pg, 0));
        subjects.put("dbos32", () -> new Dbos(pg, 32));
        subjects.put("durable", () -> new DurableSe(pg, concurrency));
        subjects.keySet().retainAll(only);

        System.out.printf("# Compare: N=%d K=%s C=%d lone=%d x %d steps, stats=%s, java %s, %d cpus, load %s%n", n,
                Arrays.toString(shapes), concurrency, lone, loneSteps, stats, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), PgStats.load());
        System.out.println(Measurement.header());
        Runner runner = new Runner(pg, stats, timeout);
        List<Measurement> all = new ArrayList<>();
        for (int k : shapes) {
            Map<String, Measurement> shape = new LinkedHashMap<>();
            for (var e : subjects.entrySet()) {
                shape.put(e.getKey(), runner.throughput(e.getValue().get(), k, n, concurrency));
            }
            print(shape, all);
        }
        if (lone > 0) {
            Map<String, Measurement> shape = new LinkedHashMap<>();
            for (var e : subjects.entrySet()) {
                shape.put(e.getKey(), runner.lone(e.getValue().get(), loneSteps, lone));
            }
            print(shape, all);
            List<Subject> side = new ArrayList<>();
            for (Supplier<Subject> each : subjects.values()) {
                side.add(each.get());
            }
            print(runner.loneTakingTurns(side, loneSteps, lone), all);
        }
        Summary.print(all, PgStats.load());
        System.exit(0);
    }

    /** {@code 1,10,100}, or {@code -} for none (lone runs only). */
    static int[] shapes(String arg) {
        return arg.equals("-") ? new int[0] : Arrays.stream(arg.split(",")).mapToInt(Integer::parseInt).toArray();
    }

    static void print(Map<String, Measurement> shape, List<Measurement> all) {
        Measurement raw = shape.get("raw");
        Measurement dbos = best(shape.get("dbos"), shape.get("dbos32"));
        for (Measurement m : shape.values()) {
            System.out.println(m.csv(m.engine().equals("dbos") ? null : dbos, m.engine().equals("jdbc") ? null : raw));
            all.add(m);
        }
        System.out.flush();
    }

    /** The faster of the two DBOS pools: the comparison is against DBOS at its best here. */
    static Measurement best(Measurement a, Measurement b) {
        if (a == null || b == null) {
            return a == null ? b : a;
        }
        if (a.kind().startsWith("lone")) {
            return a.p50() <= b.p50() ? a : b;
        }
        return a.stepsPerSecond() >= b.stepsPerSecond() ? a : b;
    }

    private static void quietLogging() {
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }

    /** Runs measurements, each on a fresh database and a freshly opened library. */
    static final class Runner {
        private final PgStats pg;
        private final boolean stats;
        private final long timeoutSeconds;
        private int measurement;

        Runner(PgStats pg, boolean stats, long timeoutSeconds) {
            this.pg = pg;
            this.stats = stats;
            this.timeoutSeconds = timeoutSeconds;
        }

        Measurement throughput(Subject subject, int k, int n, int concurrency) throws Exception {
            return measure(subject, "throughput", k, n, concurrency, Math.max(2 * concurrency, n / 10));
        }

        Measurement lone(Subject subject, int k, int n) throws Exception {
            return measure(subject, "lone", k, n, 1, 20);
        }

        /**
         * Lone runs with every library open side by side, taking turns run by run (the order turning
         * each round); JDBC counts per library as always, no server statistics (the WAL is the
         * whole server's, so it cannot be told apart here).
         */
        Map<String, Measurement> loneTakingTurns(List<Subject> subjects, int k, int n) throws Exception {
            int count = subjects.size();
            long[][] latencies = new long[count][n];
            long[][] jdbcBefore = new long[count][];
            double[] seconds = new double[count];
            Map<String, Measurement> shape = new LinkedHashMap<>();
            try {
                for (Subject subject : subjects) {
                    subject.prepare(pg);
                }
                String prefix = "rr" + (++measurement) + "-";
                for (int i = -20; i < n; i++) {
                    for (int turn = 0; turn < count; turn++) {
                        int s = Math.floorMod(i + turn, count);
                        Subject subject = subjects.get(s);
                        if (i == 0 && jdbcBefore[s] == null) {
                            jdbcBefore[s] = subject.jdbcCounts();
                        }
                        long took = subject.timedRun(prefix + s + "-" + i, k);
                        if (i >= 0) {
                            latencies[s][i] = took;
                            seconds[s] += took / 1e9;
                        }
                    }
                }
                for (int s = 0; s < count; s++) {
                    Subject subject = subjects.get(s);
                    long[] jdbc = subject.jdbcCounts();
                    for (int i = 0; i < jdbc.length; i++) {
                        jdbc[i] -= jdbcBefore[s][i];
                    }
                    long[] sorted = latencies[s].clone();
                    Arrays.sort(sorted);
                    shape.put(key(subject), new Measurement(subject.engine(), subject.path(), "lone-rr", k, n, seconds[s],
                            sorted[(int) Math.floor(0.50 * (n - 1))] / 1e6, sorted[(int) Math.ceil(0.99 * (n - 1))] / 1e6,
                            jdbc, null, Double.NaN));
                }
            } finally {
                for (Subject subject : subjects) {
                    subject.close();
                }
            }
            return shape;
        }

        private static String key(Subject subject) {
            return subject.engine().equals("dbos") && !subject.database().equals("dbos_bench") ? "dbos32"
                    : subject.engine().equals("jdbc") ? "raw" : subject.engine();
        }

        private Measurement measure(Subject subject, String kind, int k, int n, int threads, int warmUp)
                throws Exception {
            pg.recreate(subject.database());
            String prefix = "m" + (++measurement) + "-";
            try (subject) {
                subject.open();
                long warmUntil = System.nanoTime() + WARM_UP_NANOS;
                int round = 0;
                do {
                    drive(subject, prefix + "warm" + round++ + "-", k, warmUp, threads);
                } while (System.nanoTime() < warmUntil);
                PgStats.Snapshot before = stats ? pg.settled(subject.database()) : null;
                long[] jdbcBefore = CountingDriver.counts(subject.database()).snapshot();
                long cpuBefore = ProcessCpu.nanos();
                long start = System.nanoTime();
                long[] latencies = drive(subject, prefix, k, n, threads);
                double seconds = (System.nanoTime() - start) / 1e9;
                double cpuPerRun = (ProcessCpu.nanos() - cpuBefore) / 1e6 / n;
                long[] jdbc = CountingDriver.counts(subject.database()).snapshot();
                for (int i = 0; i < jdbc.length; i++) {
                    jdbc[i] -= jdbcBefore[i];
                }
                PgStats.Snapshot server = stats ? pg.settled(subject.database()).minus(before) : null;
                Arrays.sort(latencies);
                return new Measurement(subject.engine(), subject.path(), kind, k, n, seconds,
                        latencies[(int) Math.floor(0.50 * (n - 1))] / 1e6,
                        latencies[(int) Math.ceil(0.99 * (n - 1))] / 1e6, jdbc, server, cpuPerRun);
            }
        }

        /** N runs from {@code threads} threads, each starting a run and awaiting it, then the next. */
        private long[] drive(Subject subject, String prefix, int k, int n, int threads) throws Exception {
            long[] latencies = new long[n];
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> workers = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    workers.add(pool.submit(() -> {
                        for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            subject.run(prefix + i, k);
                            latencies[i] = System.nanoTime() - t0;
                        }
                        return null;
                    }));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
                for (Future<?> w : workers) {
                    w.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            return latencies;
        }
    }
}
