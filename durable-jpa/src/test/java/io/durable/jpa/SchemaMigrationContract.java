package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.jpa.schema.SchemaMigrationException;
import io.durable.jpa.schema.SchemaMigrations;
import io.durable.jpa.schema.SchemaVersion;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.StoredRun;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
 * second start, nodes starting together, and a schema that EclipseLink created for release 0.1 with
 * rows in it. One subclass per database.
 */
abstract class SchemaMigrationContract {

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
