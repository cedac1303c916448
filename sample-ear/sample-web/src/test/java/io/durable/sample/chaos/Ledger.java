package io.durable.sample.chaos;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What one sample database says about a batch of orders (instance ids {@code PREFIX-n}), read with
 * plain JDBC: the engine's journal ({@code durable_run}, {@code durable_step}), the audit of every
 * step body's execution ({@code sample_step_execution}) and the orders' effects.
 */
final class Ledger {

    /** The steps of an order run, in order; the first and third are transactional. */
    static final List<String> ORDER_STEPS = List.of("reserveStock#1", "charge#1", "ship#1", "notifyCustomer#1");
    private static final List<String> EFFECTS = List.of("sample_reservation", "sample_shipment", "sample_payment",
            "sample_notification");

    private Ledger() {
    }

    /** The database's clock in epoch milliseconds: the time the engine writes (it aligns to the database). */
    static long now(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT (EXTRACT(EPOCH FROM clock_timestamp()) * 1000)::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static long widgetStock(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT stock FROM sample_product WHERE sku = 'widget'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static int completedOrders(Connection c, String prefix) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM durable_run WHERE workflow_name = 'order' AND status = 'COMPLETED'"
                + " AND instance_id LIKE ?", prefix + "-%");
    }

    static int journaledOrders(Connection c, String prefix) throws SQLException {
        return count(c, "SELECT COUNT(DISTINCT s.run_id) FROM durable_step s JOIN durable_run r ON r.id = s.run_id"
                + " WHERE r.instance_id LIKE ? AND s.status = 'COMPLETED'", prefix + "-%");
    }

    /** The order runs that a node holds (status RUNNING) right now. */
    static Set<String> runningOrders(Connection c, String prefix) throws SQLException {
        return strings(c, "SELECT id FROM durable_run WHERE workflow_name = 'order' AND status = 'RUNNING'"
                + " AND instance_id LIKE ?", prefix + "-%");
    }

    /** The first column of a query with one parameter, as a set. */
    static Set<String> strings(Connection c, String sql, String parameter) throws SQLException {
        Set<String> values = new HashSet<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    values.add(rs.getString(1));
                }
            }
        }
        return values;
    }

    /**
     * How long after {@code since} the slowest of the given runs moved again: its first step journaled
     * after that time, or its end. This is the time a fault cost a run that was executing.
     *
     * @return milliseconds; 0 for no runs
     */
    static long slowestProgressAfter(Connection c, Collection<String> runs, long since) throws SQLException {
        long slowest = 0;
        for (String run : runs) {
            try (PreparedStatement s = c.prepareStatement("SELECT LEAST((SELECT MIN(finished_at) FROM durable_step"
                    + " WHERE run_id = ? AND status = 'COMPLETED' AND finished_at > ?),"
                    + " (SELECT finished_at FROM durable_run WHERE id = ?))")) {
                s.setString(1, run);
                s.setLong(2, since);
                s.setString(3, run);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    long moved = rs.getLong(1);
                    assertTrue(!rs.wasNull(), "run " + run + " never moved after the fault");
                    slowest = Math.max(slowest, moved - since);
                }
            }
        }
        return slowest;
    }

    /** How many of the batch's runs had not finished yet (in the database's view at this instant). */
    static int unfinishedOrders(Connection c, String prefix) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM durable_run WHERE workflow_name = 'order' AND finished_at IS NULL"
                + " AND instance_id LIKE ?", prefix + "-%");
    }

    /**
     * How long after {@code since} the batch first moved again on this node: its first step journaled,
     * or its first run ended, after that time. This is the time a fault left a node idle when none of its
     * runs was executing as the fault ended (every run PENDING, waiting for a claim).
     *
     * @return milliseconds; -1 when nothing of the batch moved after {@code since}
     */
    static long firstProgressAfter(Connection c, String prefix, long since) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT LEAST((SELECT MIN(s.finished_at) FROM durable_step s"
                + " JOIN durable_run r ON r.id = s.run_id WHERE r.instance_id LIKE ? AND s.status = 'COMPLETED'"
                + " AND s.finished_at > ?), (SELECT MIN(finished_at) FROM durable_run WHERE instance_id LIKE ?"
                + " AND finished_at > ?))")) {
            s.setString(1, prefix + "-%");
            s.setLong(2, since);
            s.setString(3, prefix + "-%");
            s.setLong(4, since);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long moved = rs.getLong(1);
                return rs.wasNull() ? -1 : moved - since;
            }
        }
    }

    /**
     * The batch's runs that were claimed more than once: every claim raises a run's lease epoch, and an
     * order run is claimed once unless its node gave it up and it waited for its lease to run out (or
     * another node took it over). The batch's runs do not park, so a second claim means a lease wait.
     */
    static Set<String> claimedAgain(Connection c, String prefix) throws SQLException {
        return strings(c, "SELECT instance_id FROM durable_run WHERE lease_epoch > 1 AND instance_id LIKE ?", prefix + "-%");
    }

    /** When the last of the batch's runs ended, in the database's epoch milliseconds. */
    static long lastFinished(Connection c, String prefix) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT MAX(finished_at) FROM durable_run WHERE instance_id LIKE ?")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * The journal and the executions of a batch at one instant (one repeatable-read snapshot): a
     * step journaled here must not execute again later.
     */
    record Snapshot(Set<String> journaled, Map<String, Integer> executions) {

        static Snapshot read(Connection c, String prefix) throws SQLException {
            boolean autoCommit = c.getAutoCommit();
            int isolation = c.getTransactionIsolation();
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Set<String> journaled = new HashSet<>();
                try (PreparedStatement s = c.prepareStatement("SELECT s.run_id, s.step_key FROM durable_step s"
                        + " JOIN durable_run r ON r.id = s.run_id WHERE s.status = 'COMPLETED' AND r.instance_id LIKE ?")) {
                    s.setString(1, prefix + "-%");
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            journaled.add(rs.getString(1) + "/" + rs.getString(2));
                        }
                    }
                }
                return new Snapshot(journaled, Ledger.executions(c, prefix));
            } finally {
                c.commit();
                c.setTransactionIsolation(isolation);
                c.setAutoCommit(autoCommit);
            }
        }
    }

    /**
     * Asserts, once every run of the batch is done, what the chaos must not break: every run completed
     * with its four steps journaled; no step journaled at any snapshot executed again; each
     * transactional step executed once; each order's effects exist once; the stock moved once per order.
     */
    static void assertExactlyOnce(Connection c, String prefix, int runs, int quantity, long stockBefore,
                                  List<Snapshot> snapshots) throws SQLException {
        assertEquals(runs, completedOrders(c, prefix), "every run of " + prefix + " completes");
        Map<String, Integer> executions = executions(c, prefix);
        Map<String, Integer> journalSize = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT s.run_id, COUNT(*) FROM durable_step s JOIN durable_run r"
                + " ON r.id = s.run_id WHERE s.status = 'COMPLETED' AND r.instance_id LIKE ? GROUP BY s.run_id")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    journalSize.put(rs.getString(1), rs.getInt(2));
                }
            }
        }
        assertEquals(runs, journalSize.size());
        for (Map.Entry<String, Integer> run : journalSize.entrySet()) {
            assertEquals(ORDER_STEPS.size(), run.getValue(), "journal of run " + run.getKey());
            assertEquals(1, executions.get(run.getKey() + "/reserveStock#1"), "transactional step ran once: " + run.getKey());
            assertEquals(1, executions.get(run.getKey() + "/ship#1"), "transactional step ran once: " + run.getKey());
        }
        for (Snapshot snapshot : snapshots) {
            for (String step : snapshot.journaled()) {
                assertEquals(snapshot.executions().get(step), executions.get(step), "journaled step ran again: " + step);
            }
        }
        for (String table : EFFECTS) {
            Map<String, Integer> perOrder = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("SELECT order_id, COUNT(*) FROM " + table
                    + " WHERE order_id LIKE ? GROUP BY order_id")) {
                s.setString(1, prefix + "-%");
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        perOrder.put(rs.getString(1), rs.getInt(2));
                    }
                }
            }
            for (int i = 0; i < runs; i++) {
                assertEquals(1, perOrder.getOrDefault(prefix + "-" + i, 0), table + " of order " + prefix + "-" + i);
            }
        }
        assertEquals(stockBefore - (long) runs * quantity, widgetStock(c), "stock moved once per order of " + prefix);
    }

    private static Map<String, Integer> executions(Connection c, String prefix) throws SQLException {
        Map<String, Integer> executions = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT run_id, step_key, COUNT(*) FROM sample_step_execution"
                + " WHERE order_id LIKE ? GROUP BY run_id, step_key")) {
            s.setString(1, prefix + "-%");
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    executions.put(rs.getString(1) + "/" + rs.getString(2), rs.getInt(3));
                }
            }
        }
        return executions;
    }

    private static int count(Connection c, String sql, String parameter) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, parameter);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
