package io.durable.jpa.internal;

import io.durable.api.StepInfo;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import jakarta.persistence.EntityManager;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A journal entry written in one statement that also checks the lease: an {@code INSERT ... SELECT}
 * from the run row at the lease's epoch, while RUNNING or COMPENSATING, share-locked until the
 * transaction ends. No row inserted means the lease is lost. The lock makes a claim of the run (an
 * update of that row) wait for this transaction, so a node that takes the run over reads the journal
 * with this entry in it; a claim that committed first leaves nothing for the insert to select.
 *
 * <p>One round trip per entry, where the lease check used to be an update of the run row of its own
 * (a new row version per step). Used where the {@link Dialect} knows the locking clause.
 */
public final class FencedInsert {

    private static final String COLUMNS = "run_id, seq, step_key, name, status, attempt, args_hash, result_json, "
            + "error_type, error, started_at, finished_at, created_at";

    private FencedInsert() {
    }

    /**
     * Inserts the entry if the lease holds, in the caller's transaction.
     *
     * @param em      the entity manager of the current transaction
     * @param dialect the database's dialect; its {@link Dialect#shareLock()} must not be {@code null}
     * @param lease   the lease the writer holds
     * @param step    the entry
     * @return whether the entry was written (false: the lease is lost)
     * @throws jakarta.persistence.PersistenceException as the database refused the row (a duplicate
     *     key: the entry exists)
     */
    public static boolean insert(EntityManager em, Dialect dialect, Lease lease, StepInfo step) {
        return NativeUpdate.execute(em, sql(dialect), parameters(lease, step)) == 1;
    }

    /**
     * Inserts the entry if the lease holds, as one statement on the connection (one round trip when
     * the connection auto-commits).
     *
     * @param connection a connection of the store's tables
     * @param dialect    the database's dialect; its {@link Dialect#shareLock()} must not be {@code null}
     * @param lease      the lease the writer holds
     * @param step       the entry
     * @return whether the entry was written (false: the lease is lost)
     * @throws SQLException as the database refused the row (a duplicate key: the entry exists) or failed
     */
    public static boolean insert(Connection connection, Dialect dialect, Lease lease, StepInfo step)
            throws SQLException {
        return NativeUpdate.execute(connection, sql(dialect), parameters(lease, step)) == 1;
    }

    private static String sql(Dialect dialect) {
        String time = dialect.bigintParameter();
        return "INSERT INTO durable_step (" + COLUMNS + ") "
                + "SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + time + ", " + time + ", " + time + " FROM durable_run "
                + "WHERE id = ? AND lease_epoch = ? AND status IN (?, ?)" + dialect.shareLock();
    }

    private static List<Object> parameters(Lease lease, StepInfo step) {
        List<Object> parameters = new ArrayList<>(16);
        addColumns(parameters, step);
        parameters.add(lease.runId().value());
        parameters.add(lease.epoch());
        parameters.addAll(Mapping.EXECUTING);
        return parameters;
    }

    /** The entry's values in the order of {@link #COLUMNS}, after the run id. */
    private static void addColumns(List<Object> parameters, StepInfo step) {
        Long started = Mapping.millis(step.startedAt());
        Long finished = Mapping.millis(step.finishedAt());
        parameters.add(step.sequence());
        parameters.add(step.stepKey());
        parameters.add(step.name());
        parameters.add(step.status().name());
        parameters.add(step.attempt());
        parameters.add(step.argsHash());
        parameters.add(step.resultJson());
        parameters.add(step.errorType());
        parameters.add(step.error());
        parameters.add(started);
        parameters.add(finished);
        parameters.add(started != null ? started : finished);
    }

    /**
     * Each entry's run row at the entry's epoch, share-locked, looked up by its key one entry at a time,
     * as {@code r}. A lateral subquery, not a join: PostgreSQL keeps the plan it first made for a
     * prepared statement, and for a join made while {@code durable_run} was young (a new database, a
     * benchmark's first seconds) that plan is a hash join over a scan of the whole table, which then
     * reads every run for every batch as the table grows; the lateral form has only the primary-key
     * lookup to choose.
     *
     * @param lockOptions what follows {@code FOR SHARE}: empty, or {@code " SKIP LOCKED"}
     */
    private static String lockedRun(String lockOptions) {
        return "CROSS JOIN LATERAL (SELECT id FROM durable_run WHERE id = v.run_id AND lease_epoch = v.epoch "
                + "AND status IN (?, ?) FOR SHARE" + lockOptions + ") AS r";
    }

    /** The columns of one entry in the multi-row form, with their PostgreSQL types. */
    private static final String VALUES_ROW = "(CAST(? AS VARCHAR), CAST(? AS BIGINT), CAST(? AS INTEGER), "
            + "CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS INTEGER), CAST(? AS VARCHAR), "
            + "CAST(? AS TEXT), CAST(? AS VARCHAR), CAST(? AS TEXT), CAST(? AS BIGINT), CAST(? AS BIGINT), "
            + "CAST(? AS BIGINT))";

    /**
     * Inserts the entries of several runs, each if its own lease holds, in the caller's transaction:
     * on PostgreSQL in one statement (the entries joined to their run rows at their epochs, those
     * rows share-locked), elsewhere one fenced statement per entry.
     *
     * @param em      the entity manager of the current transaction
     * @param dialect the database's dialect; its {@link Dialect#shareLock()} must not be {@code null}
     * @param entries the entries with their leases, at most a few hundred
     * @return for each entry, whether it was written (false: its lease is lost)
     * @throws jakarta.persistence.PersistenceException as the database refused a row (a duplicate key:
     *     an entry exists), which on PostgreSQL dooms the transaction
     */
    public static boolean[] insertAll(EntityManager em, Dialect dialect, List<LeasedStep> entries) {
        boolean[] written = new boolean[entries.size()];
        if (dialect != Dialect.POSTGRESQL || entries.size() == 1) {
            for (int i = 0; i < written.length; i++) {
                written[i] = insert(em, dialect, entries.get(i).lease(), entries.get(i).step());
            }
            return written;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO durable_step (").append(COLUMNS).append(") SELECT r.id, "
                + "v.seq, v.step_key, v.name, v.status, v.attempt, v.args_hash, v.result_json, v.error_type, v.error, "
                + "v.started_at, v.finished_at, v.created_at FROM (VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append(VALUES_ROW);
        }
        sql.append(") AS v (run_id, epoch, seq, step_key, name, status, attempt, args_hash, result_json, error_type, "
                + "error, started_at, finished_at, created_at) " + lockedRun(""));
        List<Object> parameters = new ArrayList<>(entries.size() * 14 + 2);
        for (LeasedStep entry : entries) {
            parameters.add(entry.lease().runId().value());
            parameters.add(entry.lease().epoch());
            addColumns(parameters, entry.step());
        }
        parameters.addAll(Mapping.EXECUTING);
        int inserted = NativeUpdate.execute(em, sql.toString(), parameters);
        if (inserted == entries.size()) {
            java.util.Arrays.fill(written, true);
            return written;
        }
        return present(em, entries);
    }

    /**
     * The multi-row fenced insert as one statement whose text does not depend on the batch's size (so
     * the driver prepares it once): the entries come as one array per column, {@code unnest} turns them
     * into rows, and each looks its run row up at its epoch, share-locked ({@link #lockedRun}). A run
     * row another transaction holds locked is skipped, not waited for: its entry is left for a write of
     * its own, so one locked run never holds up the batch. {@code RETURNING} names the entries written.
     * PostgreSQL only. Package-private for the test of its plan.
     */
    static final String ARRAYS_SQL = "INSERT INTO durable_step (" + COLUMNS + ") SELECT r.id, v.seq, "
            + "v.step_key, v.name, v.status, v.attempt, v.args_hash, v.result_json, v.error_type, v.error, "
            + "v.started_at, v.finished_at, v.created_at FROM unnest(CAST(? AS VARCHAR[]), CAST(? AS BIGINT[]), "
            + "CAST(? AS INTEGER[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), CAST(? AS VARCHAR[]), "
            + "CAST(? AS INTEGER[]), CAST(? AS VARCHAR[]), CAST(? AS TEXT[]), CAST(? AS VARCHAR[]), CAST(? AS TEXT[]), "
            + "CAST(? AS BIGINT[]), CAST(? AS BIGINT[]), CAST(? AS BIGINT[])) AS v (run_id, epoch, seq, step_key, "
            + "name, status, attempt, args_hash, result_json, error_type, error, started_at, finished_at, created_at) "
            + lockedRun(" SKIP LOCKED") + " RETURNING run_id, seq";

    /** The SQL type of each array of {@link #ARRAYS_SQL}, in order. */
    private static final String[] ARRAY_TYPES = {"varchar", "int8", "int4", "varchar", "varchar", "varchar", "int4",
            "varchar", "text", "varchar", "text", "int8", "int8", "int8"};

    /**
     * Inserts the entries of several runs, each if its own lease holds, as one statement on the
     * connection: when it auto-commits, one round trip and one commit for the batch. A refused row (a
     * duplicate key: an entry exists) fails the statement, and then none of the entries is written.
     * Entries that share a run and a position (two executions of one run, one of them stale) are not
     * sent: the statement's answer could not tell them apart.
     *
     * @param connection a connection of the store's tables, on PostgreSQL
     * @param entries    the entries with their leases, at most a few hundred
     * @return for each entry, whether it was written (false: its lease is lost, its run's row was
     *     locked, or it shares its position with another entry of the batch; written alone, it tells
     *     which)
     * @throws SQLException as the database refused a row or failed
     */
    public static boolean[] insertAll(Connection connection, List<LeasedStep> entries) throws SQLException {
        if (entries.size() == 1) {
            // one entry: the single-row statement, cheaper than the arrays, skipping a locked row alike
            LeasedStep entry = entries.get(0);
            return new boolean[]{NativeUpdate.execute(connection, sql(Dialect.POSTGRESQL) + " SKIP LOCKED",
                    parameters(entry.lease(), entry.step())) == 1};
        }
        return UnnestBatch.write(connection, ARRAYS_SQL, ARRAY_TYPES, entries,
                entry -> entry.lease().runId().value() + "#" + entry.step().sequence(), FencedInsert::row,
                Mapping.EXECUTING);
    }

    /** The entry's values in the order of {@link #ARRAY_TYPES}. */
    private static List<Object> row(LeasedStep entry) {
        List<Object> row = new ArrayList<>(16);
        row.add(entry.lease().runId().value());
        row.add(entry.lease().epoch());
        addColumns(row, entry.step());
        return row;
    }

    /** Which of the entries are in the journal now (read in the transaction that wrote them). */
    private static boolean[] present(EntityManager em, List<LeasedStep> entries) {
        Set<String> found = new HashSet<>();
        for (Map.Entry<String, List<Integer>> run : entries.stream().collect(Collectors.groupingBy(
                e -> e.lease().runId().value(), Collectors.mapping(e -> e.step().sequence(), Collectors.toList())))
                .entrySet()) {
            em.createQuery("SELECT s.sequence FROM StepEntity s WHERE s.runId = :run AND s.sequence IN :seqs",
                            Integer.class)
                    .setParameter("run", run.getKey())
                    .setParameter("seqs", run.getValue())
                    .getResultStream()
                    .forEach(seq -> found.add(run.getKey() + "#" + seq));
        }
        boolean[] written = new boolean[entries.size()];
        for (int i = 0; i < written.length; i++) {
            LeasedStep entry = entries.get(i);
            written[i] = found.contains(entry.lease().runId().value() + "#" + entry.step().sequence());
        }
        return written;
    }
}
