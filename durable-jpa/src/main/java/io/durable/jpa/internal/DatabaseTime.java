package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Instant;

/**
 * Reads the database's clock, as epoch milliseconds where the database can say so without a time
 * zone (PostgreSQL, MariaDB, H2), else as its {@code CURRENT_TIMESTAMP}.
 */
public final class DatabaseTime {

    private final Dialect.Cached dialect;

    /**
     * @param dialect the store's dialect
     */
    public DatabaseTime(Dialect.Cached dialect) {
        this.dialect = dialect;
    }

    /**
     * @param em the entity manager of the current transaction
     * @return the database's current time
     */
    public Instant now(EntityManager em) {
        Object value = em.createNativeQuery(dialect.get(em).nowQuery()).getSingleResult();
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.ofEpochMilli(((Number) value).longValue());
    }
}
