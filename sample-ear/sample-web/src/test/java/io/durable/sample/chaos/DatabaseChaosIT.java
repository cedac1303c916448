package io.durable.sample.chaos;

import io.durable.sample.Http;
import io.durable.sample.LoopbackPorts;
import io.durable.sample.PayaraMicroProcess;
import io.durable.sample.chaos.war.PlainPostgres;
import io.durable.sample.chaos.war.ValidatingPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Chaos against the database, as DBOS's chaos test does it: the sample on Payara Micro on a
 * PostgreSQL of the test's own, twice side by side, once with the README's validating datasource and
 * once with a pool that does not validate. While orders run, the application's sessions are killed
 * again and again, PostgreSQL restarts, and the run table is locked for longer than a lease. After
 * each, from the database: every run completes, no journaled step ran again, every transactional
 * effect exists once. The time the fault cost the unfinished runs is printed (how long the slowest
 * run executing as it ended took to move again, or how long a node with none executing stayed idle);
 * after the killed sessions no run may have waited for its lease (none claimed a second time) and the
 * cost must be under two leases ({@link #KILLS_COST_AT_MOST}), for both pools; after a restart and a
 * lock it is asserted only against two lease periods.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class DatabaseChaosIT {

    /** Long enough that a recovery in seconds and one that waited for a lease are told apart. */
    private static final Duration LEASE = Duration.ofSeconds(10);
    private static final Duration SWEEP = Duration.ofSeconds(1);
    private static final int RUNS = 32;
    private static final int QUANTITY = 1;
    private static final Duration DONE_WITHIN = Duration.ofMinutes(2);
    /** Each order's two provider steps take this long: 32 runs on 8 slots keep a node busy for about 8 s. */
    private static final Duration PROVIDER_LATENCY = Duration.ofSeconds(1);
    private static final int KILLS = 12;
    private static final Duration KILL_EVERY = Duration.ofMillis(250);
    /**
     * What the killed sessions may cost the unfinished runs when the storm ended, asserted: two leases,
     * the generous bound issue 17 asks for on this loaded 2-core machine. The figure is printed on every
     * run; measured 1.0 to 3.2 s in five of six samples and 7.7 s once (docs/decisions.md). A bound of a
     * lease, or of 6 s, would tell a lease wait apart only for short storms and failed a right engine.
     */
    private static final Duration KILLS_COST_AT_MOST = LEASE.multipliedBy(2);
    /** Orders each node completes before the first fault, so that both JVMs are warm and start runs alike. */
    private static final int WARM_UP_RUNS = 8;
    /** The most warning lines of a server's log printed for a slow recovery. */
    private static final int WARNING_LINES = 80;

    /** One application under test: a datasource variant, its database and its server. */
    record Node(String variant, String database, PayaraMicroProcess server, Http api) {
    }

    private final Path folder = Path.of(System.getProperty("chaos.dir", "target/chaos")).toAbsolutePath()
            .resolve("database-" + UUID.randomUUID().toString().substring(0, 8));
    private OwnPostgres postgres;
    private final List<Node> nodes = new ArrayList<>();

    @BeforeAll
    void start() throws Exception {
        postgres = OwnPostgres.start(folder.resolve("postgres"));
        for (Class<?> datasource : List.of(ValidatingPostgres.class, PlainPostgres.class)) {
            String variant = datasource == ValidatingPostgres.class ? "validating" : "plain";
            String database = "chaos_" + variant;
            postgres.createDatabase(database);
            Path war = ChaosWar.build(datasource, folder.resolve(variant + ".war"));
            PayaraMicroProcess server = new PayaraMicroProcess(folder.resolve(variant), war, List.of(
                    "-Ddurable.chaos.jdbc-url=" + postgres.url(database),
                    "-Ddurable.engine.node-id=" + variant,
                    "-Ddurable.engine.lease-duration=" + LEASE, "-Ddurable.engine.sweep-interval=" + SWEEP,
                    "-Ddurable.engine.max-concurrent-runs=8", "-Dsample.provider.latency-ms=" + PROVIDER_LATENCY.toMillis()),
                    PayaraMicroProcess.Cluster.alone("chaos-" + variant), LoopbackPorts.free(1));
            nodes.add(new Node(variant, database, server, new Http(server.api())));
        }
        // each alone in its data grid: the member it looks for is itself
        for (Node node : nodes) {
            node.server().launch();
        }
        for (Node node : nodes) {
            node.server().awaitReady();
        }
        // a cold node starts its first runs seconds later than a warm one: the storm must meet runs on both
        Batch warmUp = startOrders("warm", WARM_UP_RUNS);
        for (Node node : nodes) {
            awaitCompleted(node, warmUp);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (Node node : nodes) {
            node.server().close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void killed_sessions_cost_the_running_runs_seconds_not_a_lease_with_and_without_validation() throws Exception {
        Batch batch = startOrders("kill");
        awaitJournaling(batch);
        int killed = 0;
        long storm = System.nanoTime();
        for (int round = 1; round <= KILLS; round++) {
            killed += postgres.terminateSessions(databases());
            if (round % 4 == 0) {
                batch.snapshotAll();
            }
            // the storm's schedule: a kill every 250 ms, not a wait for anything
            long next = storm + round * KILL_EVERY.toNanos();
            TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
        }
        killed += postgres.terminateSessions(databases());
        System.out.printf("killed sessions: %d sessions terminated in %d rounds over %d ms%n", killed, KILLS + 1,
                Duration.ofNanos(System.nanoTime() - storm).toMillis());
        batch.afterFault("killed sessions", KILLS_COST_AT_MOST, true);
    }

    @Test
    @Order(2)
    void a_postgresql_restart_during_runs_loses_no_run_and_no_cron_tick() throws Exception {
        Batch batch = startOrders("restart");
        awaitJournaling(batch);
        batch.snapshotAll();
        long down;
        try (Connection c = postgres.connect("postgres")) {
            down = Ledger.now(c);
        }
        postgres.stop();
        // PostgreSQL stays down for two ticks of the every-two-seconds schedule, not a wait for anything
        TimeUnit.SECONDS.sleep(4);
        postgres.startServer();
        long up;
        try (Connection c = postgres.connect("postgres")) {
            up = Ledger.now(c);
        }
        System.out.printf("postgresql restart: down for %d ms%n", up - down);
        batch.afterFault("postgresql restart", LEASE.multipliedBy(2), false);
        for (Node node : nodes) {
            assertTicksOnce(node, down, up);
        }
    }

    @Test
    @Order(3)
    void a_run_table_locked_for_longer_than_a_lease_delays_runs_and_breaks_nothing() throws Exception {
        Batch batch = startOrders("lock");
        awaitJournaling(batch);
        batch.snapshotAll();
        List<Connection> lockers = new ArrayList<>();
        try {
            for (Node node : nodes) {
                Connection c = postgres.connect(node.database());
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("LOCK TABLE durable_run IN ACCESS EXCLUSIVE MODE");
                }
                lockers.add(c);
            }
            // the lock is held for a lease and a half, not a wait for anything
            TimeUnit.MILLISECONDS.sleep(LEASE.toMillis() * 3 / 2);
        } finally {
            for (Connection c : lockers) {
                c.commit();
                c.close();
            }
        }
        batch.afterFault("run table locked " + LEASE.toMillis() * 3 / 2 + " ms", LEASE.multipliedBy(2), false);
    }

    /** Lines the server logged as warnings or errors, for a recovery slower than half a lease (to explain it from CI's output). */
    private static void printWarnings(Node node, String fault) throws IOException {
        List<String> warnings = node.server().log().lines()
                .filter(line -> line.contains("WARN") || line.contains("SEVERE") || line.contains("Exception")
                        || line.startsWith("Caused by"))
                .toList();
        System.out.printf("--- %s [%s]: slower than half a lease; the server's last %d of %d warning lines ---%n", fault,
                node.variant(), Math.min(WARNING_LINES, warnings.size()), warnings.size());
        warnings.subList(Math.max(0, warnings.size() - WARNING_LINES), warnings.size()).forEach(System.out::println);
    }

    private List<String> databases() {
        return nodes.stream().map(Node::database).toList();
    }

    private Batch startOrders(String prefix) throws SQLException {
        return startOrders(prefix, RUNS);
    }

    /** Starts the orders on the nodes in turn, one node's order after the other's, so that both batches start together. */
    private Batch startOrders(String prefix, int runs) throws SQLException {
        Batch batch = new Batch(prefix, runs);
        for (Node node : nodes) {
            try (Connection c = postgres.connect(node.database())) {
                batch.stockBefore.put(node.variant(), Ledger.widgetStock(c));
            }
        }
        for (int i = 0; i < runs; i++) {
            for (Node node : nodes) {
                Http.Answer started = node.api().post("orders", Http.order(prefix + "-" + i, "widget", QUANTITY));
                assertEquals(201, started.status(), started.body());
            }
        }
        return batch;
    }

    private void awaitCompleted(Node node, Batch batch) {
        await().atMost(DONE_WITHIN).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection c = postgres.connect(node.database())) {
                return Ledger.completedOrders(c, batch.prefix) == batch.runs;
            }
        });
    }

    /** Waits until every node journals: the fault must hit runs mid-way. */
    private void awaitJournaling(Batch batch) {
        for (Node node : nodes) {
            await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        try (Connection c = postgres.connect(node.database())) {
                            return Ledger.journaledOrders(c, batch.prefix) >= 3;
                        }
                    });
        }
    }

    /** Every tick of the schedule around the restart has one run, completed, whose step ran once. */
    private void assertTicksOnce(Node node, long down, long up) throws SQLException {
        long from = down - 4_000;
        long to = up + 4_000;
        java.util.NavigableMap<Long, TickRuns.Tick> ticks = await().atMost(DONE_WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> TickRuns.read(postgres, node.database()),
                        read -> read.keySet().stream().anyMatch(t -> t > to) && read.entrySet().stream()
                                .filter(e -> e.getKey() <= to).allMatch(e -> e.getValue().completed()));
        int during = 0;
        long first = Math.max(from, ticks.firstKey());
        for (long tick = first - first % 2_000 + (first % 2_000 == 0 ? 0 : 2_000); tick <= to; tick += 2_000) {
            TickRuns.Tick run = ticks.get(tick);
            assertTrue(run != null, node.variant() + ": no run for the tick at " + java.time.Instant.ofEpochMilli(tick)
                    + " (database down from " + java.time.Instant.ofEpochMilli(down) + " to "
                    + java.time.Instant.ofEpochMilli(up) + "); ticks: " + ticks.keySet());
            assertEquals(1, run.executions(), node.variant() + ": the tick's step ran once: " + run);
            if (tick > down && tick < up) {
                during++;
            }
        }
        assertTrue(during >= 1, "a tick fell due while the database was down");
        System.out.printf("postgresql restart [%s]: %d tick(s) due while the database was down ran once afterwards%n",
                node.variant(), during);
    }

    /** A batch of orders on every node, and what the test saw of them. */
    private final class Batch {
        final String prefix;
        final int runs;
        final Map<String, Long> stockBefore = new java.util.HashMap<>();
        final Map<String, List<Ledger.Snapshot>> snapshots = new java.util.HashMap<>();

        Batch(String prefix, int runs) {
            this.prefix = prefix;
            this.runs = runs;
        }

        List<Ledger.Snapshot> snapshotAll() throws SQLException {
            List<Ledger.Snapshot> taken = new ArrayList<>();
            for (Node node : nodes) {
                try (Connection c = postgres.connect(node.database())) {
                    Ledger.Snapshot snapshot = Ledger.Snapshot.read(c, prefix);
                    snapshots.computeIfAbsent(node.variant(), v -> new ArrayList<>()).add(snapshot);
                    taken.add(snapshot);
                }
            }
            return taken;
        }

        /**
         * Right after the fault ended: which runs were executing and how many were unfinished; then waits
         * for every run and checks the database. The fault's cost on a node is how long after it ended
         * the slowest run executing then moved again or, when none was executing (its runs finished during
         * the fault and the next ones wait PENDING for a claim), how long the node stayed idle: when the
         * batch's first step after the fault was journaled. It must be under {@code costAtMost}. With
         * {@code mustMeetRuns} (the killed sessions, whose storm is short and meets runs mid-way) the batch
         * must have been unfinished on every node, and no run may have been claimed again (a run claimed
         * again waited for its lease to run out).
         */
        void afterFault(String fault, Duration costAtMost, boolean mustMeetRuns) throws Exception {
            Map<String, Long> ended = new java.util.HashMap<>();
            Map<String, Set<String>> running = new java.util.HashMap<>();
            Map<String, Integer> unfinished = new java.util.HashMap<>();
            for (Node node : nodes) {
                try (Connection c = postgres.connect(node.database())) {
                    ended.put(node.variant(), Ledger.now(c));
                    running.put(node.variant(), Ledger.runningOrders(c, prefix));
                    unfinished.put(node.variant(), Ledger.unfinishedOrders(c, prefix));
                }
            }
            snapshotAll();
            for (Node node : nodes) {
                awaitCompleted(node, this);
            }
            // every node's figures first: a node that fails the bound must not hide the other's
            Map<String, Long> costs = new java.util.HashMap<>();
            Map<String, Set<String>> leaseWaits = new java.util.HashMap<>();
            for (Node node : nodes) {
                try (Connection c = postgres.connect(node.database())) {
                    long since = ended.get(node.variant());
                    long slowest = Ledger.slowestProgressAfter(c, running.get(node.variant()), since);
                    long idle = unfinished.get(node.variant()) == 0 ? 0 : Ledger.firstProgressAfter(c, prefix, since);
                    long recovery = Math.max(slowest, idle);
                    long drained = Ledger.lastFinished(c, prefix) - since;
                    costs.put(node.variant(), recovery);
                    Set<String> again = Ledger.claimedAgain(c, prefix);
                    leaseWaits.put(node.variant(), again);
                    System.out.printf("%s [%s datasource]: of %d unfinished runs, %d were executing when the fault"
                            + " ended; the slowest of those moved again within %d ms, the batch's first step after it"
                            + " came %d ms after it (lease %d ms, bound %d ms); all %d runs done %d ms after it; %d runs"
                            + " claimed again after their lease ran out%s%n", fault, node.variant(),
                            unfinished.get(node.variant()), running.get(node.variant()).size(), slowest, idle,
                            LEASE.toMillis(), costAtMost.toMillis(), runs, drained, again.size(),
                            again.isEmpty() ? "" : " " + again);
                    if (recovery > LEASE.toMillis() / 2) {
                        printWarnings(node, fault);
                    }
                }
            }
            for (Node node : nodes) {
                try (Connection c = postgres.connect(node.database())) {
                    Ledger.assertExactlyOnce(c, prefix, runs, QUANTITY, stockBefore.get(node.variant()),
                            snapshots.get(node.variant()));
                }
                long recovery = costs.get(node.variant());
                assertTrue(!mustMeetRuns || unfinished.get(node.variant()) > 0, fault + " [" + node.variant()
                        + "]: every run had finished when it ended, so it cost nothing measurable");
                // the criterion itself: killed sessions cost seconds, never a lease, with either pool
                assertTrue(!mustMeetRuns || leaseWaits.get(node.variant()).isEmpty(), fault + " [" + node.variant()
                        + "]: runs waited for their lease to run out: " + leaseWaits.get(node.variant()));
                assertTrue(recovery < costAtMost.toMillis(), fault + " [" + node.variant() + "]: the runs unfinished"
                        + " when it ended waited " + recovery + " ms, more than " + costAtMost.toMillis() + " ms (lease "
                        + LEASE.toMillis() + " ms)");
            }
        }
    }
}
