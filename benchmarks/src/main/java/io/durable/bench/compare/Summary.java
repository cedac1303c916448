package io.durable.bench.compare;

import java.util.List;
import java.util.Optional;

/** The comparison's summary: per shape the figures side by side, then each target met or not. */
final class Summary {

    private Summary() {
    }

    static void print(List<Measurement> all, String loadAfter) {
        System.out.println();
        System.out.println("# Summary (ratios: above 1 = faster than the reference; DBOS = its faster pool)");
        all.stream().map(m -> m.kind() + " K=" + m.steps()).distinct().forEach(shape -> {
            System.out.printf("# %s:", shape);
            all.stream().filter(m -> shape.equals(m.kind() + " K=" + m.steps())).forEach(m -> System.out.printf(
                    m.kind().startsWith("lone") ? "  %s %s p50 %.2f ms p99 %.2f ms;" : "  %s %s %.0f steps/s %.1f runs/s;",
                    m.engine(), m.path(), m.kind().startsWith("lone") ? m.p50() : m.stepsPerSecond(),
                    m.kind().startsWith("lone") ? m.p99() : m.runsPerSecond()));
            System.out.println();
        });
        target("K=10 steps/s >= 3x DBOS", find(all, "durable", "throughput", 10), dbos(all, "throughput", 10),
                (d, o) -> d.stepsPerSecond() / o.stepsPerSecond(), 3.0);
        target("K=1 runs/s >= DBOS", find(all, "durable", "throughput", 1), dbos(all, "throughput", 1),
                (d, o) -> d.runsPerSecond() / o.runsPerSecond(), 1.0);
        for (String kind : List.of("lone", "lone-rr")) {
            Optional<Measurement> loneDurable = all.stream().filter(m -> m.engine().equals("durable")
                    && m.kind().equals(kind)).findFirst();
            loneDurable.ifPresent(d -> target(kind + " " + d.steps() + "-step p50 <= DBOS", Optional.of(d),
                    dbos(all, kind, d.steps()), (x, o) -> o.p50() / x.p50(), 1.0));
        }
        for (String engine : List.of("durable", "dbos", "jdbc")) {
            Optional<Measurement> k10 = find(all, engine, "throughput", 10);
            Optional<Measurement> k100 = find(all, engine, "throughput", 100);
            if (k10.isPresent() && k100.isPresent()) {
                double perRun10 = k10.get().roundTrips() / (double) k10.get().runs();
                double perRun100 = k100.get().roundTrips() / (double) k100.get().runs();
                double perStep = (perRun100 - perRun10) / 90;
                System.out.printf("# %s: %.2f round trips per plain step (the runs' round trips from K=10 to K=100, "
                        + "over the 90 added steps); %.1f per run at K=10%s%n", engine, perStep, perRun10,
                        engine.equals("durable") ? (perStep <= 1.0 ? "  -> target met" : "  -> target NOT met") : "");
            }
        }
        System.out.println("# load after: " + loadAfter);
    }

    private interface Ratio {
        double of(Measurement durable, Measurement dbos);
    }

    private static void target(String name, Optional<Measurement> durable, Optional<Measurement> dbos, Ratio ratio,
                               double needed) {
        if (durable.isEmpty() || dbos.isEmpty()) {
            System.out.printf("# target %s: not measured%n", name);
            return;
        }
        double r = ratio.of(durable.get(), dbos.get());
        System.out.printf("# target %s: %.2fx (against dbos %s) -> %s%n", name, r, dbos.get().path(),
                r >= needed ? "met" : "NOT met");
    }

    private static Optional<Measurement> find(List<Measurement> all, String engine, String kind, int k) {
        return all.stream().filter(m -> m.engine().equals(engine) && m.kind().equals(kind) && m.steps() == k)
                .reduce(Compare::best);
    }

    private static Optional<Measurement> dbos(List<Measurement> all, String kind, int k) {
        return find(all, "dbos", kind, k);
    }
}
