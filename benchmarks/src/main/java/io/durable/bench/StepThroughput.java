package io.durable.bench;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Prints steps per second for N runs of K no-op steps, and the latency of a lone K-step run, on H2
 * (a file, every commit written at once) and PostgreSQL. Arguments: runs, steps (default 200, 10).
 * Each figure is one measurement on a shared machine: compare within one run of the program.
 */
public final class StepThroughput {

    private StepThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        java.util.logging.LogManager.getLogManager().reset();
        String h2 = "jdbc:h2:" + java.nio.file.Files.createTempDirectory("durable-bench") + "/bench;WRITE_DELAY=0";
        measure("H2 (file, WRITE_DELAY=0)", h2, "sa", "", runs, steps);
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/durable_test");
        measure("PostgreSQL", pg, "postgres", "", runs, steps);
    }

    private static void measure(String label, String url, String user, String password, int runs, int steps) {
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, user, password)) {
            BenchStore.jpa = jpa;
            Weld weld = new Weld().disableDiscovery().addExtension(new DurableExtension())
                    .addBeanClasses(BenchStore.class, NoopSteps.class, NoopWorkflow.class);
            try (WeldContainer container = weld.initialize()) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                String batch = UUID.randomUUID().toString().substring(0, 8);
                run(engine, batch + "-warm", 20, steps);
                long lone = run(engine, batch + "-lone", 1, steps);
                long total = run(engine, batch, runs, steps);
                System.out.printf("%-26s %5d runs x %3d steps: %8.0f steps/s | lone %d-step run: %6.1f ms (%.2f ms/step)%n",
                        label, runs, steps, runs * (double) steps / (total / 1e9), steps, lone / 1e6, lone / 1e6 / steps);
            }
        } catch (RuntimeException e) {
            System.out.printf("%-26s skipped: %s%n", label, e.getMessage());
        }
    }

    private static long run(WorkflowEngine engine, String prefix, int runs, int steps) {
        long start = System.nanoTime();
        List<RunId> ids = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            ids.add(engine.start(NoopWorkflow.class, prefix + "-" + i, steps));
        }
        for (RunId id : ids) {
            if (engine.await(id, Duration.ofMinutes(5)).status() != RunStatus.COMPLETED) {
                throw new IllegalStateException("run " + id + " did not complete");
            }
        }
        return System.nanoTime() - start;
    }
}
