package io.durable.jpa.internal;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.spi.Lease;
import io.durable.spi.RunEnd;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.durable.jpa.internal.RunRows.count;
import static io.durable.jpa.internal.RunRows.insertRuns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ends batch on PostgreSQL ({@link RunEnds}): one single-row update per end, sent as one JDBC
 * batch, and written as a whole or not at all on an auto-committing connection, below and above the
 * size the driver keeps in one implicit transaction.
 */
class RunEndsTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private String url;

    @BeforeEach
    void newSchema() {
        url = RunRows.newSchema();
    }

    @AfterEach
    void dropRefusal() throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            s.execute("DROP TRIGGER IF EXISTS durable_test_refuse ON durable_run");
            s.execute("DROP FUNCTION IF EXISTS durable_test_refuse()");
        }
    }

    @Test
    void only_the_ends_whose_lease_holds_and_whose_row_is_free_are_written() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", "");
             Connection other = DriverManager.getConnection(url, "postgres", "");
             Statement s = c.createStatement(); Statement locker = other.createStatement()) {
            insertRuns(s, 4);
            other.setAutoCommit(false);
            locker.executeQuery("SELECT id FROM durable_run WHERE id = 'r2' FOR UPDATE").close();
            List<RunEnd> ends = List.of(end(0, 1), end(1, 2), end(2, 1), end(3, 1), end(3, 1));
            assertArrayEquals(new boolean[]{true, false, false, true, false}, RunEnds.finishAll(c, ends),
                    "r1's lease is at epoch 1, not 2; r2 is locked by another transaction; r3 ends once");
            other.rollback();
            assertEquals(2, count(s, "SELECT count(*) FROM durable_run WHERE status = 'COMPLETED' AND lease_owner IS NULL "
                    + "AND output_json = '\"done\"' AND finished_at = " + T0.toEpochMilli()));
            assertEquals(2, count(s, "SELECT count(*) FROM durable_run WHERE status = 'RUNNING' AND lease_owner = 'node'"));
        }
    }

    @ParameterizedTest(name = "{0} ends")
    @ValueSource(ints = {RunEnds.ONE_IMPLICIT_TRANSACTION_AT_MOST, RunEnds.ONE_IMPLICIT_TRANSACTION_AT_MOST + 50})
    void a_batch_refused_at_its_last_end_ends_no_run(int size) throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            insertRuns(s, size);
            refuseUpdatesOf(s, "r" + (size - 1));
            List<RunEnd> ends = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                ends.add(end(i, 1));
            }
            SQLException refused = assertThrows(SQLException.class, () -> RunEnds.finishAll(c, ends));
            assertTrue(String.valueOf(refused.getMessage()).contains("refused for the test"),
                    "the trigger's refusal: " + refused);
            assertEquals(0, count(s, "SELECT count(*) FROM durable_run WHERE status <> 'RUNNING'"),
                    "nothing of the batch is written");
            assertTrue(c.getAutoCommit(), "the connection auto-commits again");

            s.execute("DROP TRIGGER durable_test_refuse ON durable_run");
            boolean[] all = new boolean[size];
            Arrays.fill(all, true);
            assertArrayEquals(all, RunEnds.finishAll(c, ends));
            assertEquals(size, count(s, "SELECT count(*) FROM durable_run WHERE status = 'COMPLETED'"));
        }
    }

    /** A trigger that refuses any update of one run, as a database refuses a statement. */
    private static void refuseUpdatesOf(Statement s, String runId) throws SQLException {
        s.execute("CREATE FUNCTION durable_test_refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'refused for the test'; END $$");
        s.execute("CREATE TRIGGER durable_test_refuse BEFORE UPDATE ON durable_run FOR EACH ROW "
                + "WHEN (OLD.id = '" + runId + "') EXECUTE FUNCTION durable_test_refuse()");
    }

    private static RunEnd end(int run, long epoch) {
        return new RunEnd(new Lease(new RunId("r" + run), "node", epoch, T0.plusSeconds(30)), RunStatus.COMPLETED,
                "\"done\"", null, T0);
    }
}
