package io.durable.sample;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The crash test: the sample runs as a real Payara Micro process on its embedded H2; while orders
 * are executing the server is killed with {@code kill -9} and restarted. From the database: every
 * run completes, no journaled step runs again, every transactional step's effect exists exactly once,
 * and nothing the server reported as done before the kill was lost (H2 writes each commit at once).
 */
class CrashRecoveryIT {

    private static final int RUNS = 24;
    private static final int QUANTITY = 2;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void runs_killed_mid_step_resume_after_restart_without_running_a_journaled_step_twice() throws Exception {
        List<String> config = List.of("-Ddurable.engine.lease-duration=PT5S", "-Ddurable.engine.sweep-interval=PT1S",
                "-Ddurable.engine.max-concurrent-runs=8", "-Dsample.provider.latency-ms=400");
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, config)) {
            server.start();
            Http api = new Http(server.api());
            long stockBefore = api.get("orders/stock/widget").object().getJsonNumber("stock").longValue();
            // all orders at once: posted one by one, on a loaded machine the first ones finished before the last was in
            ExecutorService posting = Executors.newFixedThreadPool(8);
            try {
                List<Callable<Http.Answer>> orders = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    String order = Http.order("crash-" + i, "widget", QUANTITY);
                    orders.add(() -> api.post("orders", order));
                }
                for (Future<Http.Answer> started : posting.invokeAll(orders)) {
                    assertEquals(201, started.get().status(), started.get().body());
                }
            } finally {
                posting.shutdownNow();
            }
            Set<String> completedBeforeKill = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(100))
                    .until(() -> completedOrders(api), done -> done.size() >= 3);
            server.kill9();

            Snapshot atKill = Snapshot.read(server.h2File());
            assertTrue(atKill.completedRuns.containsAll(completedBeforeKill),
                    "runs reported COMPLETED before the kill are lost: H2 must write every commit at once");
            assertTrue(atKill.completedRuns.size() < RUNS, "the kill must interrupt running work");
            assertFalse(atKill.journaled.isEmpty());
            System.out.printf("kill -9 with %d of %d runs completed and %d steps journaled%n",
                    atKill.completedRuns.size(), RUNS, atKill.journaled.size());

            server.start();
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> completedOrders(api).size() == RUNS);
            server.kill9();

            Snapshot after = Snapshot.read(server.h2File());
            assertEquals(RUNS, after.completedRuns.size(), "every run completes");
            for (String journaled : atKill.journaled) {
                assertEquals(atKill.executions.get(journaled), after.executions.get(journaled),
                        "journaled step ran again after the restart: " + journaled);
            }
            for (String run : after.completedRuns) {
                assertEquals(4, after.journalSize.get(run), "journal of " + run);
                assertEquals(1, after.executions.get(run + "/reserveStock#1"), "transactional step ran once: " + run);
                assertEquals(1, after.executions.get(run + "/ship#1"), "transactional step ran once: " + run);
            }
            for (int i = 0; i < RUNS; i++) {
                String order = "crash-" + i;
                assertEquals(1, after.count("sample_reservation", order), "reservations of " + order);
                assertEquals(1, after.count("sample_shipment", order), "shipments of " + order);
                assertEquals(1, after.count("sample_payment", order), "payments of " + order);
                assertEquals(1, after.count("sample_notification", order), "notifications of " + order);
            }
            assertEquals(stockBefore - (long) RUNS * QUANTITY, after.widgetStock, "stock moved exactly once per order");

            // the first start migrates a new database, the restart finds it migrated: no DDL runs or fails again
            assertTrue(server.log(1).contains("Durable workflows schema on h2: version none -> "), server.log(1));
            assertTrue(server.log(2).contains("(0 migration(s) applied here)"), server.log(2));
            for (int start = 1; start <= 2; start++) {
                String log = server.log(start);
                assertFalse(log.contains("already exists") || log.contains("SchemaMigrationException"),
                        "start " + start + " logged a DDL error");
            }
        }
    }

    private static Set<String> completedOrders(Http api) {
        Set<String> done = new HashSet<>();
        for (JsonObject run : api.allRuns("workflow=order&status=COMPLETED")) {
            if (run.getString("instanceId").startsWith("crash-")) {
                done.add(run.getString("id"));
            }
        }
        return done;
    }

    /** What the database file holds, read by this test while the server is down. */
    private static final class Snapshot {
        final Set<String> completedRuns = new HashSet<>();
        final Set<String> journaled = new HashSet<>();
        final Map<String, Integer> journalSize = new HashMap<>();
        final Map<String, Integer> executions = new HashMap<>();
        final Map<String, Integer> perOrder = new HashMap<>();
        long widgetStock;

        int count(String table, String order) {
            return perOrder.getOrDefault(table + "/" + order, 0);
        }

        static Snapshot read(Path h2File) throws SQLException {
            Snapshot s = new Snapshot();
            try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h2File + ";ACCESS_MODE_DATA=r", "sa", "");
                 Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT id FROM durable_run WHERE status = 'COMPLETED'"
                        + " AND instance_id LIKE 'crash-%'")) {
                    while (rs.next()) {
                        s.completedRuns.add(rs.getString(1));
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT s.run_id, s.step_key FROM durable_step s JOIN durable_run r"
                        + " ON r.id = s.run_id WHERE s.status = 'COMPLETED' AND r.instance_id LIKE 'crash-%'")) {
                    while (rs.next()) {
                        s.journaled.add(rs.getString(1) + "/" + rs.getString(2));
                        s.journalSize.merge(rs.getString(1), 1, Integer::sum);
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT run_id, step_key, COUNT(*) FROM sample_step_execution"
                        + " GROUP BY run_id, step_key")) {
                    while (rs.next()) {
                        s.executions.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                    }
                }
                for (String table : List.of("sample_reservation", "sample_shipment", "sample_payment", "sample_notification")) {
                    try (ResultSet rs = st.executeQuery("SELECT order_id, COUNT(*) FROM " + table + " GROUP BY order_id")) {
                        while (rs.next()) {
                            s.perOrder.put(table + "/" + rs.getString(1), rs.getInt(2));
                        }
                    }
                }
                try (ResultSet rs = st.executeQuery("SELECT stock FROM sample_product WHERE sku = 'widget'")) {
                    rs.next();
                    s.widgetStock = rs.getLong(1);
                }
            }
            return s;
        }
    }
}
