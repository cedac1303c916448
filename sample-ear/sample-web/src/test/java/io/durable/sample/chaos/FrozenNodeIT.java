package io.durable.sample.chaos;

import io.durable.sample.Http;
import io.durable.sample.LoopbackPorts;
import io.durable.sample.PayaraMicroProcess;
import io.durable.sample.chaos.war.ValidatingPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes of the sample in one Payara data grid (clustering on, Hazelcast on loopback, as Payara
 * Micro has it by default), on the test's own PostgreSQL. Node A is frozen with {@code SIGSTOP}
 * inside its runs' steps, past its lease; node B takes the runs over and completes them within a
 * lease, a sweep and the steps' own time, although the grid waits for the frozen member; then A goes
 * on and is fenced out. From the database: every run completes, no journaled step ran again, every
 * transactional effect exists once.
 */
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class FrozenNodeIT {

    private static final Duration LEASE = Duration.ofSeconds(5);
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private static final Duration STEP = Duration.ofSeconds(2);
    private static final int RUNS = 6;
    private static final String DATABASE = "chaos_frozen";

    private final Path folder = Path.of(System.getProperty("chaos.dir", "target/chaos")).toAbsolutePath()
            .resolve("frozen-" + UUID.randomUUID().toString().substring(0, 8));

    @Test
    void a_frozen_node_s_runs_complete_on_the_other_within_a_lease_a_sweep_and_their_step_time() throws Exception {
        try (OwnPostgres postgres = OwnPostgres.start(folder.resolve("postgres"))) {
            postgres.createDatabase(DATABASE);
            Path war = ChaosWar.build(ValidatingPostgres.class, folder.resolve("frozen.war"));
            int grid = LoopbackPorts.free(4);
            String cluster = "chaos-frozen-" + UUID.randomUUID();
            try (PayaraMicroProcess a = node(postgres, war, "node-a", new PayaraMicroProcess.Cluster(cluster, grid, grid));
                 PayaraMicroProcess b = node(postgres, war, "node-b", new PayaraMicroProcess.Cluster(cluster, grid + 2, grid))) {
                a.start();
                b.start();
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
                        .until(() -> b.log(1).contains("DG Size: 2"));

                Http api = new Http(a.api());
                long stockBefore;
                try (Connection c = postgres.connect(DATABASE)) {
                    stockBefore = Ledger.widgetStock(c);
                }
                for (int i = 0; i < RUNS; i++) {
                    Http.Answer started = api.post("orders", Http.order("frozen-" + i, "widget", 1));
                    assertEquals(201, started.status(), started.body());
                }
                // A is inside the provider's steps (two seconds each) of at least three runs
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                        .until(() -> midStepOn(postgres, "node-a").size() >= 3);
                List<Ledger.Snapshot> snapshots = new ArrayList<>();
                a.freeze();
                long frozen;
                Set<String> runsOfA;
                try (Connection c = postgres.connect(DATABASE)) {
                    frozen = Ledger.now(c);
                    runsOfA = heldBy(c, "node-a");
                    snapshots.add(Ledger.Snapshot.read(c, "frozen"));
                }
                assertFalse(runsOfA.isEmpty());

                Map<String, Long> claimedByB = new HashMap<>();
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    try (Connection c = postgres.connect(DATABASE)) {
                        for (String run : heldBy(c, "node-b")) {
                            if (runsOfA.contains(run)) {
                                claimedByB.putIfAbsent(run, Ledger.now(c) - frozen);
                            }
                        }
                        return Ledger.completedOrders(c, "frozen") == RUNS;
                    }
                });
                long completed;
                try (Connection c = postgres.connect(DATABASE)) {
                    completed = lastFinished(c, runsOfA) - frozen;
                    snapshots.add(Ledger.Snapshot.read(c, "frozen"));
                }
                long takeover = claimedByB.values().stream().mapToLong(Long::longValue).max().orElse(-1);
                long budget = LEASE.plus(SWEEP).plus(STEP.multipliedBy(2)).toMillis();
                System.out.printf("frozen node (clustering on): node B claimed A's %d runs within %d ms of the freeze"
                        + " (lease %d ms); the last of them completed %d ms after the freeze (lease + sweep + remaining"
                        + " steps: %d ms)%n", runsOfA.size(), takeover, LEASE.toMillis(), completed, budget);
                assertTrue(takeover >= 0 && takeover < 2 * LEASE.toMillis(), "takeover took " + takeover + " ms");
                assertTrue(completed < budget + LEASE.toMillis(), "A's runs completed " + completed + " ms after the"
                        + " freeze; lease + sweep + remaining steps is " + budget + " ms");

                a.thaw();
                // A goes on inside its step, then finds its lease taken: it journals nothing
                await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                        .until(() -> runsOfA.stream().allMatch(run -> fencedOut(a, run)));
                try (Connection c = postgres.connect(DATABASE)) {
                    Ledger.assertExactlyOnce(c, "frozen", RUNS, 1, stockBefore, snapshots);
                }
            }
        }
    }

    private PayaraMicroProcess node(OwnPostgres postgres, Path war, String name, PayaraMicroProcess.Cluster cluster)
            throws Exception {
        return new PayaraMicroProcess(folder.resolve(name), war, List.of(
                "-Ddurable.chaos.jdbc-url=" + postgres.url(DATABASE), "-Ddurable.engine.node-id=" + name,
                "-Ddurable.engine.lease-duration=" + LEASE, "-Ddurable.engine.sweep-interval=" + SWEEP,
                "-Ddurable.engine.max-concurrent-runs=8", "-Dsample.provider.latency-ms=" + STEP.toMillis()),
                cluster, LoopbackPorts.free(1));
    }

    /** Whether the node's log says it gave the run up: its lease was taken, so it wrote nothing. */
    private static boolean fencedOut(PayaraMicroProcess node, String run) {
        try {
            String log = node.log(1);
            return log.contains("Run " + run + ": ") || log.contains("Run " + run + " stopped without finishing");
        } catch (java.io.IOException e) {
            return false;
        }
    }

    /** Runs a node holds whose first step is journaled and whose third is not: it is inside a provider step. */
    private static Set<String> midStepOn(OwnPostgres postgres, String node) throws SQLException {
        try (Connection c = postgres.connect(DATABASE)) {
            Set<String> held = heldBy(c, node);
            held.removeIf(run -> !journaled(c, run, "reserveStock#1") || journaled(c, run, "ship#1"));
            return held;
        }
    }

    private static boolean journaled(Connection c, String run, String step) {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM durable_step WHERE run_id = ? AND step_key = ?"
                + " AND status = 'COMPLETED'")) {
            s.setString(1, run);
            s.setString(2, step);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> heldBy(Connection c, String node) throws SQLException {
        return Ledger.strings(c, "SELECT id FROM durable_run WHERE status = 'RUNNING' AND workflow_name = 'order'"
                + " AND lease_owner = ?", node);
    }

    private static long lastFinished(Connection c, Set<String> runs) throws SQLException {
        long last = 0;
        for (String run : runs) {
            try (PreparedStatement s = c.prepareStatement("SELECT finished_at FROM durable_run WHERE id = ?")) {
                s.setString(1, run);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    last = Math.max(last, rs.getLong(1));
                }
            }
        }
        return last;
    }
}
