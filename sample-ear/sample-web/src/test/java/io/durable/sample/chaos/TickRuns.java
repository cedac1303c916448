package io.durable.sample.chaos;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** The runs of the {@code chaos-tick} schedule in one database, by tick. */
final class TickRuns {

    /** One tick's run: whether it completed and how often its step body ran. */
    record Tick(String runId, boolean completed, int executions) {
    }

    private TickRuns() {
    }

    /** The schedule's runs, by tick in epoch milliseconds. */
    static java.util.NavigableMap<Long, Tick> read(OwnPostgres postgres, String database) throws SQLException {
        java.util.NavigableMap<Long, Tick> ticks = new TreeMap<>();
        try (Connection c = postgres.connect(database); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT r.id, r.instance_id, r.status,"
                     + " (SELECT COUNT(*) FROM sample_step_execution e WHERE e.run_id = r.id)"
                     + " FROM durable_run r WHERE r.workflow_name = 'chaos-tick'")) {
            while (rs.next()) {
                Instant tick = Instant.parse(rs.getString(2).substring("chaos-tick@".length()));
                ticks.put(tick.toEpochMilli(), new Tick(rs.getString(1), "COMPLETED".equals(rs.getString(3)), rs.getInt(4)));
            }
        }
        return ticks;
    }
}
