package io.durable.bench;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.WorkflowStore;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * How long a run with a long history takes to resume. For histories of 0 (the baseline), 100, 1,000
 * and 10,000 journaled steps it parks runs on a signal, then times, per run, from sending the signal to
 * the run's completion: the claim, loading the whole journal in one query, replaying every step (no
 * step body runs) and the finish. It also times loading the journal alone. H2 file database; add
 * {@code -Dbench.pg=jdbc:postgresql://...} to measure PostgreSQL as well. Arguments: runs per size
 * (default 5).
 */
public final class ResumeTime {

    private static final int[] HISTORIES = {0, 100, 1_000, 10_000};

    private ResumeTime() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        java.util.logging.LogManager.getLogManager().reset();
        String h2 = "jdbc:h2:" + Files.createTempDirectory("durable-bench") + "/resume;WRITE_DELAY=0";
        measure("H2 (file)", h2, "sa", runs);
        String pg = System.getProperty("bench.pg");
        if (pg != null) {
            measure("PostgreSQL", pg, "postgres", runs);
        }
    }

    private static void measure(String label, String url, String user, int runs) {
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, user, "")) {
            BenchStore.jpa = jpa;
            Weld weld = new Weld().disableDiscovery().addExtension(new DurableExtension())
                    .addBeanClasses(BenchStore.class, NoopSteps.class, HistoryWorkflow.class);
            try (WeldContainer container = weld.initialize()) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                WorkflowStore store = jpa.store();
                System.out.printf("%s: resume time (signal sent to run completed), median of %d runs%n", label, runs);
                System.out.printf("%-10s %-14s %-16s %-18s%n", "history", "resume ms", "journal load ms",
                        "resume us/step");
                resume(engine, store, "warm", 100, 2);
                for (int history : HISTORIES) {
                    double[] times = resume(engine, store, "h" + history, history, runs);
                    System.out.printf("%-10d %-14.1f %-16.1f %-18s%n", history, times[0], times[1],
                            history == 0 ? "-" : String.format("%.1f", times[0] * 1000 / history));
                }
            }
        }
    }

    /** @return the median resume time and the median journal load time, in milliseconds */
    private static double[] resume(WorkflowEngine engine, WorkflowStore store, String prefix, int history, int runs) {
        String batch = prefix + "-" + Long.toHexString(System.nanoTime());
        List<RunId> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ids.add(engine.start(HistoryWorkflow.class, batch + "-" + i, history));
        }
        for (RunId id : ids) {
            while (engine.status(id).status() != RunStatus.SUSPENDED) {
                LockSupport.parkNanos(2_000_000);
            }
        }
        double[] resumes = new double[runs];
        double[] loads = new double[runs];
        for (int i = 0; i < runs; i++) {
            RunId id = ids.get(i);
            long load = System.nanoTime();
            int entries = store.loadJournal(id).size();
            loads[i] = (System.nanoTime() - load) / 1e6;
            if (entries != history + 1) {
                throw new IllegalStateException("run " + id + " journaled " + entries + " entries, not " + (history + 1));
            }
            long start = System.nanoTime();
            engine.signal(id, "go", "now", null);
            if (engine.await(id, Duration.ofMinutes(5)).status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("run " + id + " did not complete");
            }
            resumes[i] = (System.nanoTime() - start) / 1e6;
        }
        return new double[]{median(resumes), median(loads)};
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
