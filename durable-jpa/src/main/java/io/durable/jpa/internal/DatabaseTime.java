package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;

import java.sql.Timestamp;
import java.time.Duration;
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
        return instant(em.createNativeQuery(dialect.get(em).nowQuery()).getSingleResult());
    }

    /**
     * Reads the database's time within a bound, for a check that the database answers.
     *
     * @param em      the entity manager of the current transaction
     * @param timeout how long the statement may take (the JDBC query timeout, whole seconds, at least 1)
     * @return the database's current time
     * @throws jakarta.persistence.QueryTimeoutException when it did not answer in time
     */
    public Instant now(EntityManager em, Duration timeout) {
        return instant(em.createNativeQuery(dialect.get(em).nowQuery())
                // an Integer (milliseconds): Hibernate refuses a Long ("Incorrect value for query hint")
                .setHint("jakarta.persistence.query.timeout", (int) Math.min(Integer.MAX_VALUE, Math.max(1_000, timeout.toMillis())))
                .getSingleResult());
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return Instant.ofEpochMilli(((Number) value).longValue());
    }
}
