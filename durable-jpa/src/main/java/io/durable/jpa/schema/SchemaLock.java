package io.durable.jpa.schema;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A lock that spans every node on one database while one of them checks and migrates the engine's
 * schema. Flyway locks while it applies scripts, but creates its history table and baselines before
 * that, so two nodes finding an empty schema together can both try (seen on H2 and MariaDB). A
 * session-level advisory lock on PostgreSQL, a named lock on MariaDB, and, for H2, which an embedded
 * database serves to one JVM, a lock in this JVM. Held on the connection that checks the schema;
 * released on close.
 */
final class SchemaLock implements AutoCloseable {

    /** The PostgreSQL advisory lock key: the first bytes of "durable_" read as a long. */
    private static final long PG_KEY = 0x647572_61626c65L;
    private static final String MARIADB_NAME = "durable_schema_migration";
    private static final int WAIT_SECONDS = 300;
    private static final ReentrantLock H2 = new ReentrantLock();

    private final Connection connection;
    private final String database;

    private SchemaLock(Connection connection, String database) {
        this.connection = connection;
        this.database = database;
    }

    static SchemaLock take(Connection connection, String database) throws SQLException {
        switch (database) {
            case "postgresql" -> {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_lock(?)")) {
                    s.setLong(1, PG_KEY);
                    s.execute();
                }
            }
            case "mariadb" -> {
                try (PreparedStatement s = connection.prepareStatement("SELECT GET_LOCK(?, ?)")) {
                    s.setString(1, MARIADB_NAME);
                    s.setInt(2, WAIT_SECONDS);
                    try (ResultSet r = s.executeQuery()) {
                        if (!r.next() || r.getInt(1) != 1) {
                            throw new SchemaMigrationException("Another node held the engine's schema lock ("
                                    + MARIADB_NAME + ") for over " + WAIT_SECONDS + " s; check for a stuck"
                                    + " migration, then start again.", null);
                        }
                    }
                }
            }
            default -> H2.lock();
        }
        return new SchemaLock(connection, database);
    }

    @Override
    public void close() throws SQLException {
        switch (database) {
            case "postgresql" -> {
                try (PreparedStatement s = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
                    s.setLong(1, PG_KEY);
                    s.execute();
                }
            }
            case "mariadb" -> {
                try (PreparedStatement s = connection.prepareStatement("SELECT RELEASE_LOCK(?)")) {
                    s.setString(1, MARIADB_NAME);
                    s.execute();
                }
            }
            default -> H2.unlock();
        }
    }
}
