package io.durable.spi;

import io.durable.api.DurableException;
import io.durable.api.StoreException;
import io.durable.api.StoreRefusedException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientException;
import java.util.Locale;

/**
 * What a failure of the database means for a run: {@link Permanent}, the write is refused for a
 * reason that stays (the run fails), or {@link Transient}, the database cannot do it now (the run is
 * left to resume). Classified by the SQL state found in the failure's cause chain (JPA, EclipseLink
 * and JDBC wrap each other), following the SQL standard's classes, which H2, PostgreSQL and MariaDB
 * share.
 *
 * <p>Only a fault of the value written is permanent: integrity (23), data (22) and a program limit
 * (54). A fault of the
 * database's setup (42 syntax or access rule, 28 authorization, 3D/3F unknown catalog or schema)
 * refuses every run's writes alike and is fixed by an operator, so it is transient: failing every
 * run would destroy work that resumes once the schema is fixed. A failure without a SQL state is
 * transient too, as every store failure was before this classification.
 */
public sealed interface StoreFailure permits StoreFailure.Permanent, StoreFailure.Transient {

    /** Why the database failed. */
    enum Kind {
        /** SQL state class 23: a unique, foreign-key, not-null or check constraint. */
        INTEGRITY,
        /** SQL state class 22: a value too long, out of range or malformed. */
        DATA,
        /** SQL state class 08, or a recoverable or non-transient connection failure: no connection. */
        CONNECTION,
        /** SQL state class 40: deadlock or serialization failure; the transaction was rolled back. */
        CONFLICT,
        /** SQL state class 57 (PostgreSQL's administrator shutdown, crash, cancel): the server stops or cancelled. */
        SHUTDOWN,
        /** SQL state class 54: a limit of the database, such as PostgreSQL's largest index row, met by this value. */
        LIMIT,
        /** SQL state class 53 or 55: out of disk, memory or connections, a lock not available. */
        RESOURCES,
        /** SQL states HYT00, HYT01, or a timeout exception: a query or lock wait timed out. */
        TIMEOUT,
        /** SQL state class 42, 28, 3D, 3F: the schema or the database's setup is wrong for every run. */
        CONFIGURATION,
        /** No SQL state, or one of no known class. */
        UNKNOWN
    }

    /**
     * What kind of failure.
     *
     * @return the kind
     */
    Kind kind();

    /**
     * The SQL state it was classified by.
     *
     * @return the state, or {@code null}
     */
    String sqlState();

    /**
     * A refusal that will not go away: the run fails.
     *
     * @param kind     integrity, data or limit
     * @param sqlState the SQL state
     */
    record Permanent(Kind kind, String sqlState) implements StoreFailure {
    }

    /**
     * A failure that may go away: the run is left to resume.
     *
     * @param kind     what failed
     * @param sqlState the SQL state, or {@code null}
     */
    record Transient(Kind kind, String sqlState) implements StoreFailure {
    }

    /**
     * Classifies a failure by the first SQL state in its cause chain (and in the chained
     * exceptions of a batch).
     *
     * @param failure the failure, as thrown by JPA, the JDBC driver or the transaction manager
     * @return permanent or transient
     */
    static StoreFailure classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
                    StoreFailure classified = bySqlState(e.getSQLState());
                    if (classified != null) {
                        return classified;
                    }
                }
                if (sql instanceof SQLTimeoutException) {
                    return new Transient(Kind.TIMEOUT, null);
                }
                if (sql instanceof SQLRecoverableException || sql instanceof SQLNonTransientConnectionException
                        || sql instanceof SQLTransientException) {
                    return new Transient(Kind.CONNECTION, null);
                }
            }
            if (t.getClass().getSimpleName().contains("Timeout")) {
                return new Transient(Kind.TIMEOUT, null);
            }
        }
        return new Transient(Kind.UNKNOWN, null);
    }

    /**
     * Whether a failure is the database's or its transaction's, not the code's that ran in it: a SQL
     * exception anywhere in its cause chain, or a failed JTA commit or a connection pool's failure,
     * which an application server may report without any SQL exception ({@code RollbackException},
     * {@code HeuristicMixedException}, {@code HeuristicRollbackException}, {@code SystemException},
     * the {@code TransactionalException} that {@code @Transactional} wraps them in, a connector's
     * {@code ResourceException}, an XA resource's {@code XAException}). Such a failure is then
     * {@link #classify classified}; without a SQL state it is transient. Types are matched by name,
     * so no JTA or connector API is needed where the library runs in Java SE.
     *
     * @param failure the failure, as a transaction runner threw it
     * @return whether the database or the transaction manager failed
     */
    static boolean fromDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String type = t.getClass().getName();
            if (t instanceof SQLException || type.startsWith("jakarta.transaction.")
                    || type.startsWith("jakarta.resource.") || type.startsWith("javax.transaction.xa.")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is the database's or its transaction's ({@link #fromDatabase}) and will pass
     * ({@link #classify} finds it transient): a dropped connection, a restart, a failed commit. Such a
     * failure never fails a run; the work is tried again, or the run resumes.
     *
     * @param failure the failure
     * @return whether it is a transient failure of the database
     */
    static boolean isTransientDatabaseFailure(Throwable failure) {
        return fromDatabase(failure) && classify(failure) instanceof Transient;
    }

    /**
     * Whether a failure carries a SQL state of a class, anywhere in its cause chain.
     *
     * @param failure  the failure
     * @param sqlState a state or the prefix of one, such as {@code 23}
     * @return whether it does
     */
    static boolean hasSqlState(Throwable failure, String sqlState) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith(sqlState)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure is a duplicate key: a unique or primary key refused the row (SQL state 23505
     * on PostgreSQL and H2; 23000 with error 1062, 1586 or 1022 on MariaDB and MySQL, which give every
     * integrity violation that state). Other integrity violations (a CHECK, a NOT NULL, a foreign key)
     * are not: they are refusals a retry meets again, not a row someone else wrote first.
     *
     * @param failure the failure, as thrown by JPA or the JDBC driver
     * @return whether some exception in its cause chain is a duplicate key
     */
    static boolean isDuplicateKey(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException e = sql; e != null; e = e.getNextException() == e ? null : e.getNextException()) {
                    String state = e.getSQLState();
                    // 1062 ER_DUP_ENTRY, 1586 ER_DUP_ENTRY_WITH_KEY_NAME, 1022 ER_DUP_KEY
                    boolean mariaDbDuplicate = "23000".equals(state)
                            && (e.getErrorCode() == 1062 || e.getErrorCode() == 1586 || e.getErrorCode() == 1022);
                    if ("23505".equals(state) || mariaDbDuplicate) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The library's exception for a store failure: {@link StoreRefusedException} for a permanent
     * one, {@link StoreException} for a transient one.
     *
     * @param operation what the store was doing
     * @param failure   the failure
     * @return the exception to throw
     */
    static DurableException toException(String operation, Throwable failure) {
        StoreFailure classified = classify(failure);
        return classified instanceof Permanent
                ? new StoreRefusedException(operation, classified.sqlState(), failure)
                : new StoreException(operation, failure);
    }

    private static StoreFailure bySqlState(String state) {
        if (state == null || state.length() < 2) {
            return null;
        }
        String upper = state.toUpperCase(Locale.ROOT);
        if (upper.startsWith("HYT")) {
            return new Transient(Kind.TIMEOUT, state);
        }
        return switch (upper.substring(0, 2)) {
            case "23" -> new Permanent(Kind.INTEGRITY, state);
            case "22" -> new Permanent(Kind.DATA, state);
            case "08" -> new Transient(Kind.CONNECTION, state);
            case "40" -> new Transient(Kind.CONFLICT, state);
            case "57" -> new Transient(Kind.SHUTDOWN, state);
            case "54" -> new Permanent(Kind.LIMIT, state);
            case "53", "55" -> new Transient(Kind.RESOURCES, state);
            case "42", "28", "3D", "3F" -> new Transient(Kind.CONFIGURATION, state);
            default -> null;
        };
    }
}
