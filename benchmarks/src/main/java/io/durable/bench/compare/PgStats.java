package io.durable.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The benchmark's own databases on one PostgreSQL server, and the server's counters for them:
 * committed transactions of one database ({@code pg_stat_database}) and the server's WAL records and
 * syncs ({@code pg_stat_wal}, the whole server: other databases' writes count too).
 */
public final class PgStats {

    /** Counters at one moment. */
    public record Snapshot(long commits, long rollbacks, long walRecords, long walSyncs, long walBytes) {

        /** This minus {@code before}. */
        public Snapshot minus(Snapshot before) {
            return new Snapshot(commits - before.commits, rollbacks - before.rollbacks, walRecords - before.walRecords,
                    walSyncs - before.walSyncs, walBytes - before.walBytes);
        }
    }

    private final String server;
    private final String user;

    /**
     * @param server {@code host:port}
     * @param user   a user that may create databases
     */
    public PgStats(String server, String user) {
        this.server = server;
        this.user = user;
    }

    /** The JDBC URL of one of the benchmark's databases. */
    public String url(String database) {
        return "jdbc:postgresql://" + server + "/" + database;
    }

    public String user() {
        return user;
    }

    /** Drops (ending its sessions) and creates one of the benchmark's databases, so each measurement starts empty. */
    public void recreate(String database) throws SQLException {
        if (!database.matches("[a-z0-9_]+_bench")) {
            throw new IllegalArgumentException("only the benchmark's own *_bench databases are recreated: " + database);
        }
        try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + database);
        }
    }

    /**
     * The counters once the server's statistics have caught up: a busy backend publishes its
     * counts at most once a second and an idle one within 10 s, so this waits until the database's
     * commit count has not moved for two seconds, at least 11 s and at most 20 s.
     */
    public Snapshot settled(String database) throws SQLException, InterruptedException {
        long start = System.nanoTime();
        Snapshot last = read(database);
        long stableSince = System.nanoTime();
        while (true) {
            Thread.sleep(500);
            Snapshot now = read(database);
            if (now.commits != last.commits || now.rollbacks != last.rollbacks) {
                stableSince = System.nanoTime();
            }
            last = now;
            long elapsed = System.nanoTime() - start;
            if (elapsed > 20_000_000_000L
                    || elapsed > 11_000_000_000L && System.nanoTime() - stableSince > 2_000_000_000L) {
                return now;
            }
        }
    }

    /** The counters now, as far as the server has published them. */
    public Snapshot read(String database) throws SQLException {
        try (Connection c = DriverManager.getConnection(url("postgres"), user, "");
             PreparedStatement db = c.prepareStatement(
                     "SELECT xact_commit, xact_rollback FROM pg_stat_database WHERE datname = ?");
             Statement wal = c.createStatement()) {
            // a transaction of its own per read, so the statistics snapshot is not the first read's
            c.setAutoCommit(true);
            db.setString(1, database);
            long commits = 0;
            long rollbacks = 0;
            try (ResultSet rs = db.executeQuery()) {
                if (rs.next()) {
                    commits = rs.getLong(1);
                    rollbacks = rs.getLong(2);
                }
            }
            try (ResultSet rs = wal.executeQuery("SELECT wal_records, wal_sync, wal_bytes FROM pg_stat_wal")) {
                rs.next();
                return new Snapshot(commits, rollbacks, rs.getLong(1), rs.getLong(2), rs.getLong(3));
            }
        }
    }

    /** {@code uptime}'s load averages, for the record next to the figures. */
    public static String load() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }
}
