package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A new run's row written with one native {@code INSERT}, not through the persistence context: a
 * start is on the hot path, and a persist and flush cost a unit of work's change tracking for a row
 * nothing reads back in that transaction. Columns it leaves out take their defaults ({@code seq}
 * from its sequence) or {@code NULL}.
 */
public final class RunInsert {

    private static final String COLUMNS = "id, kind, owner_id, run_trigger, workflow_name, workflow_version, instance_id, "
            + "instance_key, status, input_json, lease_owner, lease_epoch, lease_expires_at, created_at, updated_at, "
            + "paused, parent_run_id, parent_step_key, recovery_attempts, trace_parent";

    private RunInsert() {
    }

    /**
     * Inserts the run in the caller's transaction.
     *
     * @param em      the entity manager of the current transaction
     * @param dialect the database's dialect
     * @param run     the row to insert, as {@link Mapping#toEntity(io.durable.spi.NewRun)} made it
     * @throws jakarta.persistence.PersistenceException as the database refused the row (a duplicate
     *     key: the instance id is taken)
     */
    public static void insert(EntityManager em, Dialect dialect, RunEntity run) {
        NativeUpdate.execute(em, sql(dialect), parameters(run));
    }

    /**
     * Inserts the run as one statement on the connection (one round trip when it auto-commits).
     *
     * @param connection a connection of the store's tables
     * @param dialect    the database's dialect
     * @param run        the row to insert
     * @throws SQLException as the database refused the row (a duplicate key: the instance id is taken)
     */
    public static void insert(Connection connection, Dialect dialect, RunEntity run) throws SQLException {
        NativeUpdate.execute(connection, sql(dialect), parameters(run));
    }

    /** The SQL type of each column of {@link #COLUMNS}, in order, for the arrays of {@link #ALL}. */
    private static final String[] TYPES = {"varchar", "varchar", "varchar", "varchar", "varchar", "int4", "varchar",
            "varchar", "varchar", "text", "varchar", "int8", "int8", "int8", "int8", "bool", "varchar", "varchar", "int4",
            "varchar"};

    /**
     * New runs from one array per column; a run whose instance id is taken (also by an earlier run of
     * the same statement) is left out, not refused, and {@code RETURNING} names the runs inserted.
     * PostgreSQL only.
     */
    private static final String ALL = "INSERT INTO durable_run (" + COLUMNS + ") SELECT * FROM unnest("
            + "CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), "
            + "CAST(? AS VARCHAR[]), CAST(? AS INTEGER[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), "
            + "CAST(? AS VARCHAR[]), CAST(? AS TEXT[]), CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), "
            + "CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BOOLEAN[]), CAST(? AS VARCHAR[]), "
            + "CAST(? AS VARCHAR[]), CAST(? AS INTEGER[]), CAST(? AS VARCHAR[])) ON CONFLICT DO NOTHING RETURNING id";

    /**
     * Inserts the runs as one statement on the connection (one round trip and one commit when it
     * auto-commits), leaving out each run whose instance id is taken.
     *
     * @param connection a connection of the store's tables, on PostgreSQL
     * @param runs       the rows to insert, at most a few hundred
     * @return for each run, in order, whether it was inserted
     * @throws SQLException as the database failed
     */
    public static boolean[] insertAll(Connection connection, List<RunEntity> runs) throws SQLException {
        return UnnestBatch.write(connection, ALL, TYPES, runs, run -> run.id, RunInsert::parameters, List.of());
    }

    private static String sql(Dialect dialect) {
        return "INSERT INTO durable_run (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
                + dialect.bigintParameter() + ", ?, ?, ?, ?, ?, ?, ?)";
    }

    private static List<Object> parameters(RunEntity run) {
        List<Object> parameters = new ArrayList<>(20);
        parameters.add(run.id);
        parameters.add(run.kind);
        parameters.add(run.owner);
        parameters.add(run.trigger);
        parameters.add(run.workflowName);
        parameters.add(run.workflowVersion);
        parameters.add(run.instanceId);
        parameters.add(run.instanceKey);
        parameters.add(run.status);
        parameters.add(run.inputJson);
        parameters.add(run.leaseOwner);
        parameters.add(run.leaseEpoch);
        parameters.add(run.leaseExpiresAt);
        parameters.add(run.createdAt);
        parameters.add(run.updatedAt);
        parameters.add(run.paused);
        parameters.add(run.parentRunId);
        parameters.add(run.parentStepKey);
        parameters.add(0);
        parameters.add(run.traceParent);
        return parameters;
    }
}
