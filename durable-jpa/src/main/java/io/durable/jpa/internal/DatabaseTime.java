package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;

/**
 * Reads the database's clock, as epoch milliseconds where the database can say so without a time
 * zone (PostgreSQL, MariaDB, H2), else as its {@code CURRENT_TIMESTAMP}.
 */
public final class DatabaseTime {

    private volatile String query;

    /**
     * @param em the entity manager of the current transaction
     * @return the database's current time
     */
    public Instant now(EntityManager em) {
        String sql = query;
        if (sql == null) {
            sql = queryFor(em);
            query = sql;
        }
        Object value = em.createNativeQuery(sql).getSingleResult();
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.ofEpochMilli(((Number) value).longValue());
    }

    private static String queryFor(EntityManager em) {
        String product;
        try {
            Connection connection = em.unwrap(Connection.class);
            product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        } catch (SQLException | PersistenceException | UnsupportedOperationException e) {
            product = "";
        }
        if (product.contains("postgres")) {
            // clock_timestamp, not CURRENT_TIMESTAMP: the latter is the transaction's start
            return "SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)";
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)";
        }
        if (product.equals("h2")) {
            return "SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)";
        }
        return "SELECT CURRENT_TIMESTAMP";
    }
}
