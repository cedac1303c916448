package io.durable.jpa.internal;

import io.durable.spi.RunEnd;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The ends of several runs written by one PostgreSQL statement: each run row at its end's epoch,
 * while RUNNING or COMPENSATING, takes its final status, output or error and loses its lease. A run
 * row another transaction holds locked is skipped, not waited for: that end is left for a write of
 * its own, so one locked run never holds up the others.
 */
public final class RunEnds {

    /**
     * The ends from one array per column; the rows to end are found and locked one key lookup at a
     * time (a lateral subquery), then updated; {@code RETURNING} names the runs ended.
     */
    private static final String SQL = "WITH held AS (SELECT v.* FROM unnest(CAST(? AS VARCHAR[]), "
            + "CAST(? AS BIGINT[]), CAST(? AS VARCHAR[]), CAST(? AS TEXT[]), CAST(? AS TEXT[]), CAST(? AS BIGINT[])) "
            + "AS v (id, epoch, status, output_json, error, finished_at) CROSS JOIN LATERAL (SELECT id FROM durable_run "
            + "WHERE id = v.id AND lease_epoch = v.epoch AND status IN (?, ?) FOR UPDATE SKIP LOCKED) AS r) "
            + "UPDATE durable_run r SET status = held.status, output_json = held.output_json, error = held.error, "
            + "finished_at = held.finished_at, updated_at = held.finished_at, lease_owner = NULL, "
            + "lease_expires_at = NULL FROM held WHERE r.id = held.id AND r.lease_epoch = held.epoch "
            + "RETURNING r.id, r.lease_epoch";

    /** The SQL type of each array of {@link #SQL}, in order. */
    private static final String[] TYPES = {"varchar", "int8", "varchar", "text", "text", "int8"};

    private RunEnds() {
    }

    /**
     * Ends the runs as one statement on the connection (one round trip and one commit when it
     * auto-commits). The statement is planned at each execution ({@link PlannedEachTime}): the update
     * joins {@code durable_run} to the ends, and a plan kept from the table's young days would scan
     * the whole table for every batch.
     *
     * @param connection a connection of the store's tables, on PostgreSQL
     * @param ends       the ends, at most a few hundred, whose statuses and texts the caller checked
     * @return for each end, in order, whether its run was ended (false: its lease is lost, its row was
     *     locked, or another end of the batch names the same run and epoch)
     * @throws SQLException as the database failed
     */
    public static boolean[] finishAll(Connection connection, List<RunEnd> ends) throws SQLException {
        return UnnestBatch.writePlannedEachTime(connection, SQL, TYPES, ends,
                end -> end.lease().runId().value() + "#" + end.lease().epoch(), RunEnds::row,
                Mapping.EXECUTING);
    }

    /** An end's values in the order of {@link #TYPES}. */
    private static List<Object> row(RunEnd end) {
        List<Object> row = new ArrayList<>(6);
        row.add(end.lease().runId().value());
        row.add(end.lease().epoch());
        row.add(end.status().name());
        row.add(end.outputJson());
        row.add(end.error());
        row.add(end.at().toEpochMilli());
        return row;
    }
}
