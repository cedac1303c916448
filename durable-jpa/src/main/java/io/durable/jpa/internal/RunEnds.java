package io.durable.jpa.internal;

import io.durable.spi.RunEnd;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * The ends of several runs written in one round trip to PostgreSQL: each run row at its end's epoch,
 * while RUNNING or COMPENSATING, takes its final status, output or error and loses its lease. A run
 * row another transaction holds locked is skipped, not waited for: that end is left for a write of
 * its own, so one locked run never holds up the others.
 *
 * <p>Each end is its own single-row {@code UPDATE}, and the batch goes to the server as one JDBC batch
 * ({@link PreparedStatement#executeBatch}): the driver sends every statement and then one {@code Sync},
 * and PostgreSQL runs everything before a {@code Sync} as one implicit transaction (PostgreSQL
 * documentation, "Extended Query", on {@code Sync}), so an auto-committing connection commits the batch
 * once, or nothing of it when one statement fails. Each statement finds its run by primary key, which
 * is the plan PostgreSQL keeps for it however young {@code durable_run} was when the statement was
 * first prepared; one statement that joined the table to all the ends (an {@code UPDATE ... FROM}) kept
 * the plan of a young table, a scan of all of it, or had to be planned at each execution.
 */
public final class RunEnds {

    /**
     * The most ends sent as one implicit transaction. The PostgreSQL driver sends an extra {@code Sync}
     * inside a batch once it expects 64,000 bytes of answers, counting 250 bytes a statement (pgjdbc
     * 42.7, {@code QueryExecutorImpl.flushIfDeadlockRisk}), which would commit the batch in parts; a larger
     * batch on an auto-committing connection is therefore wrapped in a transaction of its own (a second
     * round trip, for its {@code COMMIT}).
     */
    static final int ONE_IMPLICIT_TRANSACTION_AT_MOST = 100;

    /** One end: the run is found and locked by key, skipped if another transaction holds it, then updated. */
    static final String SQL = "UPDATE durable_run SET status = ?, output_json = ?, error = ?, finished_at = ?, "
            + "updated_at = ?, lease_owner = NULL, lease_expires_at = NULL WHERE id = (SELECT id FROM durable_run "
            + "WHERE id = ? AND lease_epoch = ? AND status IN (?, ?) FOR UPDATE SKIP LOCKED)";

    private RunEnds() {
    }

    /**
     * Ends the runs in one round trip on the connection: one commit, or none, when it auto-commits; in the
     * connection's transaction otherwise.
     *
     * @param connection a connection of the store's tables, on PostgreSQL
     * @param ends       the ends, at most a few hundred, whose statuses and texts the caller checked
     * @return for each end, in order, whether its run was ended (false: its lease is lost, its row was
     *     locked, or an earlier end of the batch ended the same run)
     * @throws SQLException as the database failed; then none of the runs has ended
     */
    public static boolean[] finishAll(Connection connection, List<RunEnd> ends) throws SQLException {
        if (ends.size() <= ONE_IMPLICIT_TRANSACTION_AT_MOST || !connection.getAutoCommit()) {
            return execute(connection, ends);
        }
        connection.setAutoCommit(false);
        try {
            boolean[] ended = execute(connection, ends);
            connection.commit();
            return ended;
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static boolean[] execute(Connection connection, List<RunEnd> ends) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(SQL)) {
            for (RunEnd end : ends) {
                long at = end.at().toEpochMilli();
                statement.setString(1, end.status().name());
                statement.setString(2, end.outputJson());
                statement.setString(3, end.error());
                statement.setLong(4, at);
                statement.setLong(5, at);
                statement.setString(6, end.lease().runId().value());
                statement.setLong(7, end.lease().epoch());
                statement.setString(8, Mapping.EXECUTING.get(0));
                statement.setString(9, Mapping.EXECUTING.get(1));
                statement.addBatch();
            }
            int[] counts = statement.executeBatch();
            boolean[] ended = new boolean[ends.size()];
            for (int i = 0; i < ended.length; i++) {
                ended[i] = counts[i] == 1;
            }
            return ended;
        }
    }
}
