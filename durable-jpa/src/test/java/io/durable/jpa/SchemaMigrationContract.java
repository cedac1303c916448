package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.schema.SchemaMigrationException;
import io.durable.jpa.schema.SchemaMigrations;
import io.durable.jpa.schema.SchemaVersion;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.jpa.engine.FixedOwner;
import io.durable.jpa.engine.SleeperWorkflow;
import io.durable.jpa.engine.UpgradeSteps;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.WaiterWorkflow;
import io.durable.spi.StoredRun;
import io.durable.track.RunTracker;
import io.durable.track.StepProgress;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedStep;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The versioned migrations on one database: a fresh schema (beside an application's own table), a
 * second start, nodes starting together, a schema that EclipseLink created for release 0.1 with rows
 * in it, and such a database with runs in flight (parked on a sleep and on a signal, tracked jobs with
 * progress, a call, a link and counters, all of owner tenant-a), upgraded and then finished by this
 * release's engine with no journaled step run again. One subclass per database.
 */
abstract class SchemaMigrationContract {

    private static final RunId SLEEPER = new RunId("6eef72a7-8449-4ed9-9056-30aa0d48619c");
    private static final RunId WAITER = new RunId("60364e6d-4f2a-47c9-baf5-356fb3b72016");
    private static final String FINISHED_JOB = "108b9673-95dc-4e94-9b0f-d25196fb5eec";
    private static final String RUNNING_JOB = "7f289fd3-9634-4359-bd50-15ce52608052";

    /** The JDBC URL, user and password of the database under test. */
    protected abstract String[] database();

    /** The folder name of the database's scripts. */
    protected abstract String kind();

    private String url() {
        return database()[0];
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(database()[0], database()[1], database()[2]);
    }

    @BeforeEach
    void reset() throws SQLException {
        Databases.dropTables(url(), database()[1], database()[2]);
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS app_customer");
        }
    }

    @Test
    void a_fresh_schema_beside_application_tables_gets_every_version_and_a_second_start_applies_nothing() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE app_customer (id INTEGER PRIMARY KEY)");
        }
        SchemaVersion first = SchemaMigrations.migrate(url(), database()[1], database()[2]);
        assertEquals(kind(), first.database());
        assertEquals("none", first.before());
        assertEquals(scripts(), first.applied());
        assertFalse(first.baselined());

        SchemaVersion second = SchemaMigrations.migrate(url(), database()[1], database()[2]);
        assertEquals(0, second.applied());
        assertEquals(first.after(), second.before());
        assertEquals(first.after(), second.after());
        assertTrue(tableExists("app_customer"), "the application's own table is left alone");
    }

    @Test
    void nodes_starting_together_apply_each_script_once() throws Exception {
        int nodes = 4;
        CyclicBarrier together = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<SchemaVersion>> results = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                results.add(pool.submit(() -> {
                    together.await(30, TimeUnit.SECONDS);
                    return SchemaMigrations.migrate(url(), database()[1], database()[2]);
                }));
            }
            List<SchemaVersion> versions = new ArrayList<>();
            List<Exception> failures = new ArrayList<>();
            for (Future<SchemaVersion> result : results) {
                try {
                    versions.add(result.get(120, TimeUnit.SECONDS));
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e);
                }
            }
            assertEquals(List.of(), failures, "every node migrates or finds the schema migrated");
            int applied = 0;
            String after = null;
            for (SchemaVersion version : versions) {
                applied += version.applied();
                after = after == null ? version.after() : after;
                assertEquals(after, version.after());
            }
            assertEquals(scripts(), applied, "each script applied by exactly one node");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_schema_eclipselink_created_is_recognised_upgraded_and_keeps_its_runs() throws Exception {
        Databases.runScript(url(), database()[1], database()[2], "/eclipselink-0.1/" + kind() + ".sql");
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO durable_run (id, workflow_name, workflow_version, instance_id, instance_key, status,"
                    + " input_json, lease_epoch, created_at, updated_at, wake_at, waiting_for, paused)"
                    + " VALUES ('run-1', 'order', 1, 'order-1', 'order-1', 'SUSPENDED', '{\"n\":1}', 3, 1000, 2000, 5000,"
                    + " 'sleep', " + falseLiteral() + ")");
            s.execute("INSERT INTO durable_step (run_id, seq, step_key, name, status, attempt, result_json, started_at,"
                    + " finished_at) VALUES ('run-1', 0, 'reserve#0', 'reserve', 'COMPLETED', 1, '\"r-1\"', 1100, 1200)");
        }

        SchemaVersion version = SchemaMigrations.migrate(url(), database()[1], database()[2]);

        assertTrue(version.baselined());
        assertEquals("1", version.before());
        assertEquals(scripts() - 1, version.applied(), "every script after version 1 applied, version 1 not run");
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url(), database()[1], database()[2])) {
            StoredRun run = jpa.inNewTransaction(() -> jpa.store().findRun(new RunId("run-1")).orElseThrow());
            assertEquals("order-1", run.info().instanceId());
            assertEquals("{\"n\":1}", run.info().inputJson());
            assertEquals(3, run.leaseEpoch());
            assertEquals(1, jpa.store().loadJournal(new RunId("run-1")).size());
            assertEquals("\"r-1\"", jpa.store().loadJournal(new RunId("run-1")).get(0).resultJson());
        }
    }

    @Test
    void a_database_of_release_0_1_with_runs_in_flight_is_upgraded_and_its_runs_finish() throws Exception {
        String url = url();
        Databases.runScript(url, database()[1], database()[2], "/eclipselink-0.1/" + kind() + ".sql");
        Databases.runScript(url, database()[1], database()[2], "/eclipselink-0.1/runs.sql");

        SchemaVersion version = SchemaMigrations.migrate(url, database()[1], database()[2]);
        assertTrue(version.baselined(), "the 0.1 schema is recognised");

        UpgradeSteps.FIRST.set(0);
        UpgradeSteps.SECOND.set(0);
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, database()[1], database()[2])) {
            try (WeldContainer container = EngineStores.start(jpa, UpgradeSteps.class, SleeperWorkflow.class,
                    WaiterWorkflow.class, FixedOwner.class)) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                RunTracker tracker = container.select(RunTracker.class).get();

                // the rows 0.1 wrote are numbered in their old order (created_at), the last written first
                assertEquals(List.of(RUNNING_JOB, FINISHED_JOB, WAITER.value(), SLEEPER.value()),
                        engine.list(new io.durable.api.RunQuery(null, null, 10)).stream().map(r -> r.id().value()).toList());

                engine.signal(WAITER, "go", "go", null);
                RunInfo sleeper = engine.await(SLEEPER, Duration.ofSeconds(60));
                RunInfo waiter = engine.await(WAITER, Duration.ofSeconds(60));
                assertEquals(RunStatus.COMPLETED, sleeper.status(), () -> "sleeper: " + sleeper);
                assertEquals(RunStatus.COMPLETED, waiter.status(), () -> "waiter: " + waiter);
                assertEquals("\"second(first(s))\"", sleeper.outputJson());
                assertEquals("\"second(first(w)+go)\"", waiter.outputJson());
                assertEquals(0, UpgradeSteps.FIRST.get(), "a step journaled by 0.1 never runs again");
                assertEquals(2, UpgradeSteps.SECOND.get());

                TrackedRun trackedSleeper = tracker.run(SLEEPER.value()).orElseThrow();
                assertEquals("tenant-a", trackedSleeper.owner());
                assertEquals(RunStatus.COMPLETED, trackedSleeper.status());

                TrackedRun finished = tracker.run(FINISHED_JOB).orElseThrow();
                assertEquals(RunStatus.COMPLETED, finished.status());
                assertEquals(Map.of("fetched", 10L, "inserted", 9L), finished.counters());
                assertEquals("{\"source\":\"crm\"}", finished.inputJson());
                List<TrackedStep> steps = tracker.steps(FINISHED_JOB);
                assertEquals(1, steps.size());
                assertEquals(new StepProgress(10, 10, 9, 1), steps.get(0).progress());
                assertEquals(1, tracker.calls(steps.get(0).id()).size());
                assertEquals("GET /customers", tracker.calls(steps.get(0).id()).get(0).operation());
                assertEquals("c-1", tracker.stepLinks(steps.get(0).id()).get(0).entityId());

                TrackedRun running = tracker.run(RUNNING_JOB).orElseThrow();
                assertEquals(RunStatus.RUNNING, running.status());
                assertEquals(Map.of("uploaded", 3L), running.counters());
                tracker.finishRun(RUNNING_JOB, "done");
                assertEquals(RunStatus.COMPLETED, tracker.run(RUNNING_JOB).orElseThrow().status());
            }
        }
    }

    @Test
    void engine_tables_of_an_older_development_version_are_refused_with_advice() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE durable_run (id VARCHAR(64) PRIMARY KEY)");
        }
        SchemaMigrationException refused = assertThrows(SchemaMigrationException.class,
                () -> SchemaMigrations.migrate(url(), database()[1], database()[2]));
        assertTrue(refused.getMessage().contains("missing [durable_step"), refused.getMessage());
        assertFalse(tableExists(SchemaMigrations.HISTORY_TABLE), "nothing was recorded");
    }

    @Test
    void the_entities_find_every_column_they_map_in_the_migrated_schema() throws Exception {
        SchemaMigrations.migrate(url(), database()[1], database()[2]);
        var emf = jakarta.persistence.Persistence.createEntityManagerFactory("durable", java.util.Map.of(
                "jakarta.persistence.transactionType", "RESOURCE_LOCAL", "jakarta.persistence.jtaDataSource", "",
                "jakarta.persistence.jdbc.url", url(), "jakarta.persistence.jdbc.user", database()[1],
                "jakarta.persistence.jdbc.password", database()[2]));
        try {
            var em = emf.createEntityManager();
            assertFalse(emf.getMetamodel().getEntities().isEmpty());
            for (var entity : emf.getMetamodel().getEntities()) {
                em.createQuery("SELECT e FROM " + entity.getName() + " e").setMaxResults(1).getResultList();
            }
            em.close();
        } finally {
            emf.close();
        }
    }

    private String falseLiteral() {
        return "mariadb".equals(kind()) ? "0" : "FALSE";
    }

    /** How many scripts the library ships for this database (read from the build's classes folder). */
    private int scripts() {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(
                getClass().getResource("/io/durable/jpa/migration/" + kind()).toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.+\\.sql")).count();
        } catch (IOException | java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean tableExists(String table) throws SQLException {
        try (Connection c = connect()) {
            String name = c.getMetaData().storesUpperCaseIdentifiers() ? table.toUpperCase(java.util.Locale.ROOT) : table;
            try (ResultSet r = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), name, new String[]{"TABLE"})) {
                return r.next();
            }
        }
    }
}