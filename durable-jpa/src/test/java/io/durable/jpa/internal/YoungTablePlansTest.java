package io.durable.jpa.internal;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.RunEnd;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import static io.durable.jpa.internal.RunRows.count;
import static io.durable.jpa.internal.RunRows.insertRuns;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The batch statements on PostgreSQL keep finding runs by key once {@code durable_run} has grown.
 * PostgreSQL settles on a generic plan for a prepared statement after its first executions and keeps
 * it until the table's statistics change; made while the table was young (a new database, before
 * autovacuum first analyzes it), a plan that joins the table chose to scan all of it, and went on
 * scanning it for every batch as runs accumulated: in a benchmark of 20,000 ten-step runs on a new
 * database, 7,585 scans read 32.6 million rows and the engine ran at a third of its speed. Each
 * statement here finds its runs one primary-key lookup at a time, a plan that stays right as the table grows.
 */
class YoungTablePlansTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    private String url;

    @BeforeEach
    void newSchema() {
        url = RunRows.newSchema();
    }

    @Test
    void the_journal_batch_looks_each_run_up_by_key_in_the_plan_it_keeps_from_a_young_table() throws Exception {
        assertLooksRunsUpByKey(FencedInsert.ARRAYS_SQL);
    }

    @Test
    void each_end_of_the_ends_batch_finds_its_run_by_key_in_the_plan_it_keeps_from_a_young_table() throws Exception {
        assertLooksRunsUpByKey(RunEnds.SQL);
    }

    @Test
    void batches_written_through_plans_kept_from_a_young_table_write_what_they_should() throws Exception {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            insertRuns(s, 24);
            for (int i = 0; i < 12; i++) {
                List<LeasedStep> entries = List.of(entry(2 * i), entry(2 * i + 1));
                assertArrayEquals(new boolean[]{true, true}, FencedInsert.insertAll(c, entries));
                List<RunEnd> ends = List.of(end(2 * i), end(2 * i + 1));
                assertArrayEquals(new boolean[]{true, true}, RunEnds.finishAll(c, ends));
            }
            assertEquals(1, count(s, "SELECT count(*) FROM pg_prepared_statements WHERE statement LIKE 'INSERT INTO durable_step%'"),
                    "the journal batch is prepared on the server once (a lookup by key needs no new plan)");
            assertEquals(24, count(s, "SELECT count(*) FROM durable_run WHERE status = 'COMPLETED' AND lease_owner IS NULL"));
            assertEquals(24, count(s, "SELECT count(*) FROM durable_step"));
        }
    }

    /** The generic plan of the statement, made on a young {@code durable_run}, looks each run up by its key. */
    private void assertLooksRunsUpByKey(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", ""); Statement s = c.createStatement()) {
            insertRuns(s, 20);
            s.execute("SET plan_cache_mode = force_generic_plan");
            String plan = genericPlan(s, sql);
            assertFalse(plan.contains("Seq Scan on durable_run"), plan);
            assertTrue(plan.contains("Index Scan using durable_run_pkey on durable_run"), plan);
        }
    }

    /** The generic plan of a statement written with {@code ?} parameters, for null arguments. */
    private static String genericPlan(Statement s, String sql) throws SQLException {
        StringBuilder numbered = new StringBuilder();
        int parameters = 0;
        for (char ch : sql.toCharArray()) {
            if (ch == '?') {
                numbered.append('$').append(++parameters);
            } else {
                numbered.append(ch);
            }
        }
        s.execute("DEALLOCATE ALL");
        s.execute("PREPARE planned AS " + numbered);
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = s.executeQuery("EXPLAIN EXECUTE planned(" + "NULL, ".repeat(parameters - 1) + "NULL)")) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    private static Lease lease(int run) {
        return new Lease(new RunId("r" + run), "node", 1, T0.plusSeconds(30));
    }

    private static LeasedStep entry(int run) {
        return new LeasedStep(lease(run), new StepInfo(0, "a#1", "a", StepStatus.COMPLETED, 1, null, "1", null, null,
                T0, T0));
    }

    private static RunEnd end(int run) {
        return new RunEnd(lease(run), RunStatus.COMPLETED, "\"done\"", null, T0);
    }
}
