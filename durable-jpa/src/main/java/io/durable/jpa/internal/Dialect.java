package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * What the store writes differently per database: the query for the database's clock, whether the
 * sweep can skip locked rows, and how the fenced journal insert locks the run row it checks. Told
 * from the JDBC driver's product name once per store (the first call that needs it), on EclipseLink
 * and Hibernate alike ({@link DatabaseProduct}).
 */
public enum Dialect {

    /** PostgreSQL: {@code clock_timestamp()}, {@code SKIP LOCKED}, {@code FOR SHARE}. */
    POSTGRESQL("SELECT CAST(EXTRACT(EPOCH FROM clock_timestamp()) * 1000 AS BIGINT)", true, " FOR SHARE", "BIGINT"),
    /** MariaDB and MySQL: {@code NOW(3)}, {@code SKIP LOCKED}, {@code LOCK IN SHARE MODE}. */
    MARIADB("SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED)", true, " LOCK IN SHARE MODE", "SIGNED"),
    /** H2: no {@code SKIP LOCKED}; its {@code INSERT ... SELECT} takes {@code FOR UPDATE}. */
    H2("SELECT CAST(EXTRACT(EPOCH FROM CURRENT_TIMESTAMP) * 1000 AS BIGINT)", false, " FOR UPDATE", "BIGINT"),
    /** Any other database: standard SQL only; the journal write checks the lease with an update first. */
    OTHER("SELECT CURRENT_TIMESTAMP", false, null, "BIGINT");

    private static final Logger LOG = Logger.getLogger(Dialect.class.getName());

    private final String nowQuery;
    private final boolean skipLocked;
    private final String shareLock;
    private final String bigint;

    Dialect(String nowQuery, boolean skipLocked, String shareLock, String bigint) {
        this.nowQuery = nowQuery;
        this.skipLocked = skipLocked;
        this.shareLock = shareLock;
        this.bigint = bigint;
    }

    /**
     * A parameter typed as a 64-bit integer, for a select list, where a null bound by the JPA
     * provider would otherwise reach the database untyped or as text.
     *
     * @return the expression, {@code CAST(? AS ...)}
     */
    public String bigintParameter() {
        return "CAST(? AS " + bigint + ")";
    }

    /**
     * @return a query of one row and one column: the database's time as epoch milliseconds, or (on
     *     {@link #OTHER}) its {@code CURRENT_TIMESTAMP}
     */
    public String nowQuery() {
        return nowQuery;
    }

    /** @return whether {@code FOR UPDATE SKIP LOCKED} is understood */
    public boolean skipLocked() {
        return skipLocked;
    }

    /**
     * @return the clause that share-locks the rows a {@code SELECT} inside an {@code INSERT} reads,
     *     with a leading space, or {@code null} where the store does not know one
     */
    public String shareLock() {
        return shareLock;
    }

    /**
     * Tells the database of the entity manager's connection.
     *
     * @param em an entity manager in a transaction
     * @return its dialect, {@link #OTHER} when the product cannot be told
     */
    public static Dialect of(EntityManager em) {
        try {
            return of(DatabaseProduct.of(em));
        } catch (SQLException | PersistenceException | UnsupportedOperationException e) {
            LOG.info(() -> "Cannot tell the database product (" + e.getMessage() + "); writing standard SQL only");
            return OTHER;
        }
    }

    static Dialect of(String productName) {
        String product = productName.toLowerCase(Locale.ROOT);
        if (product.contains("postgres")) {
            return POSTGRESQL;
        }
        if (product.contains("mariadb") || product.contains("mysql")) {
            return MARIADB;
        }
        return product.equals("h2") ? H2 : OTHER;
    }

    /** The dialect of one store, told at its first use. */
    public static final class Cached {

        private volatile Dialect dialect;

        /**
         * @param em an entity manager in a transaction, used the first time only
         * @return the dialect
         */
        /** @return the dialect if told already, else {@code null} */
        public Dialect cached() {
            return dialect;
        }

        /**
         * @param connection a connection to the database, used the first time only
         * @return the dialect
         * @throws SQLException when the driver fails to answer
         */
        public Dialect get(Connection connection) throws SQLException {
            Dialect known = dialect;
            if (known == null) {
                known = of(connection.getMetaData().getDatabaseProductName());
                dialect = known;
            }
            return known;
        }

        public Dialect get(EntityManager em) {
            Dialect known = dialect;
            if (known == null) {
                known = of(em);
                dialect = known;
            }
            return known;
        }
    }
}
