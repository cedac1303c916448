package io.durable.jpa.internal;

import io.durable.jpa.Databases;
import io.durable.jpa.se.ResourceLocalJpa;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Run rows written straight into the engine's PostgreSQL schema, for tests of its batch statements. */
final class RunRows {

    private RunRows() {
    }

    /** The test database's URL, with the engine's tables dropped and migrated again: no rows, no statistics. */
    static String newSchema() {
        String url = Databases.postgresUrl();
        Databases.dropTables(url, "postgres", "");
        ResourceLocalJpa.open(url, "postgres", "").close();
        return url;
    }

    /** Runs r0..r{n-1}, RUNNING at epoch 1, leased to {@code node}. */
    static void insertRuns(Statement s, int n) throws SQLException {
        s.execute("INSERT INTO durable_run (id, workflow_name, workflow_version, instance_id, status, lease_epoch, "
                + "lease_owner, lease_expires_at, created_at, updated_at, paused) SELECT 'r' || g, 'wf', 1, 'i' || g, "
                + "'RUNNING', 1, 'node', 1, 1, 1, false FROM generate_series(0, " + (n - 1) + ") g");
    }

    /** The single number a {@code SELECT count(*) ...} answers. */
    static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rows = s.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
