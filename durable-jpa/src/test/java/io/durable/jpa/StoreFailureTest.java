package io.durable.jpa;

import io.durable.api.StoreException;
import io.durable.api.StoreRefusedException;
import io.durable.spi.StoreFailure;
import io.durable.spi.StoreFailure.Kind;
import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionalException;
import org.junit.jupiter.api.Test;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The classification of store failures: a refusal that stays (the run fails) versus a failure that
 * may go away (the run resumes later), by the SQL state found under JPA's and the driver's wrappers.
 */
class StoreFailureTest {

    private static StoreFailure classify(String sqlState) {
        return StoreFailure.classify(new PersistenceException("wrapped",
                new RuntimeException("provider", new SQLException("reason", sqlState))));
    }

    @Test
    void values_the_database_refuses_are_permanent() {
        assertEquals(new StoreFailure.Permanent(Kind.INTEGRITY, "23505"), classify("23505"));
        assertEquals(new StoreFailure.Permanent(Kind.DATA, "22001"), classify("22001"));
        assertEquals(new StoreFailure.Permanent(Kind.LIMIT, "54000"), classify("54000"));
    }

    @Test
    void connection_rollback_shutdown_resources_and_timeouts_are_transient() {
        assertEquals(new StoreFailure.Transient(Kind.CONNECTION, "08006"), classify("08006"));
        assertEquals(new StoreFailure.Transient(Kind.CONFLICT, "40001"), classify("40001"));
        assertEquals(new StoreFailure.Transient(Kind.CONFLICT, "40P01"), classify("40P01"));
        assertEquals(new StoreFailure.Transient(Kind.SHUTDOWN, "57P01"), classify("57P01"));
        assertEquals(new StoreFailure.Transient(Kind.RESOURCES, "53300"), classify("53300"));
        assertEquals(new StoreFailure.Transient(Kind.RESOURCES, "55P03"), classify("55P03"));
        assertEquals(new StoreFailure.Transient(Kind.TIMEOUT, "HYT00"), classify("HYT00"));
    }

    @Test
    void a_schema_or_setup_fault_refuses_every_run_alike_and_stays_transient() {
        assertEquals(new StoreFailure.Transient(Kind.CONFIGURATION, "42P01"), classify("42P01"));
        assertEquals(new StoreFailure.Transient(Kind.CONFIGURATION, "28000"), classify("28000"));
    }

    @Test
    void without_a_known_sql_state_the_exception_type_decides_and_else_it_stays_transient() {
        assertEquals(new StoreFailure.Transient(Kind.TIMEOUT, null),
                StoreFailure.classify(new SQLTimeoutException("slow")));
        assertEquals(new StoreFailure.Transient(Kind.CONNECTION, null),
                StoreFailure.classify(new SQLTransientConnectionException("gone")));
        assertEquals(new StoreFailure.Transient(Kind.UNKNOWN, null),
                StoreFailure.classify(new IllegalStateException("no SQL in sight")));
        assertEquals(new StoreFailure.Transient(Kind.UNKNOWN, null), classify("HY000"));
    }

    @Test
    void a_jta_commit_or_pool_failure_without_sql_is_the_databases_and_transient() {
        List<Exception> failures = List.of(
                new TransactionalException("commit failed", new RollbackException("rolled back at commit")),
                new TransactionalException("commit failed", new HeuristicMixedException("partly committed")),
                new HeuristicRollbackException("rolled back"),
                new TransactionalException("commit failed", new SystemException("transaction manager")),
                new PersistenceException(new ResourceException("pool: connection is not usable")));
        for (Exception failure : failures) {
            assertTrue(StoreFailure.fromDatabase(failure), failure.toString());
            assertInstanceOf(StoreFailure.Transient.class, StoreFailure.classify(failure), failure.toString());
        }
    }

    @Test
    void a_commit_failure_that_carries_a_refusal_stays_permanent_and_code_failures_are_not_the_databases() {
        RollbackException refused = new RollbackException("flush at commit failed");
        refused.initCause(new PersistenceException(new SQLException("duplicate key", "23505")));
        assertEquals(new StoreFailure.Permanent(Kind.INTEGRITY, "23505"),
                StoreFailure.classify(new TransactionalException("commit failed", refused)));
        assertFalse(StoreFailure.fromDatabase(new IllegalStateException("a bug")));
        assertFalse(StoreFailure.fromDatabase(new PersistenceException("no result")));
    }

    @Test
    void a_batch_failure_is_classified_by_its_chained_exception() {
        BatchUpdateException batch = new BatchUpdateException("batch failed", null, 0, new int[0], null);
        batch.setNextException(new SQLException("value too long for type character varying(400)", "22001"));
        assertEquals(new StoreFailure.Permanent(Kind.DATA, "22001"), StoreFailure.classify(batch));
    }

    @Test
    void a_permanent_failure_becomes_a_store_refusal_and_a_transient_one_a_store_exception() {
        assertInstanceOf(StoreRefusedException.class, StoreFailure.toException("journaling", new SQLException("x",
                "23505")));
        assertInstanceOf(StoreException.class, StoreFailure.toException("journaling", new SQLException("x", "08006")));
    }

    @Test
    void real_refusals_from_h2_are_permanent() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:classify;DB_CLOSE_DELAY=-1", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id VARCHAR(5) PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES ('a')");

            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES ('a')"));
            StoreFailure integrity = StoreFailure.classify(new PersistenceException(duplicate));
            assertInstanceOf(StoreFailure.Permanent.class, integrity);
            assertEquals(Kind.INTEGRITY, integrity.kind());

            SQLException tooLong = assertThrows(SQLException.class, () -> s.execute("INSERT INTO t VALUES ('abcdef')"));
            StoreFailure data = StoreFailure.classify(new PersistenceException(tooLong));
            assertEquals(Kind.DATA, data.kind());
            StoreRefusedException refused = (StoreRefusedException) StoreFailure.toException("inserting", tooLong);
            assertEquals(tooLong.getSQLState(), refused.sqlState());
            assertTrue(refused.getMessage().contains("SQL state 22001"), refused.getMessage());
        }
    }

    @Test
    void only_a_duplicate_key_is_a_duplicate_not_every_integrity_violation() throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:duplicates;DB_CLOSE_DELAY=-1", "sa", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE u (id VARCHAR(5) PRIMARY KEY, n INTEGER NOT NULL CHECK (n > 0))");
            s.execute("INSERT INTO u VALUES ('a', 1)");
            SQLException duplicate = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES ('a', 1)"));
            SQLException check = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES ('b', 0)"));
            SQLException notNull = assertThrows(SQLException.class, () -> s.execute("INSERT INTO u VALUES ('c', NULL)"));

            assertTrue(StoreFailure.isDuplicateKey(new PersistenceException(duplicate)));
            assertFalse(StoreFailure.isDuplicateKey(new PersistenceException(check)));
            assertFalse(StoreFailure.isDuplicateKey(new PersistenceException(notNull)));
        }
        // MariaDB gives every integrity violation 23000: its error code tells a duplicate key (1062) from a CHECK (4025)
        assertTrue(StoreFailure.isDuplicateKey(new SQLException("Duplicate entry", "23000", 1062)));
        assertFalse(StoreFailure.isDuplicateKey(new SQLException("CONSTRAINT failed", "23000", 4025)));
    }
}
