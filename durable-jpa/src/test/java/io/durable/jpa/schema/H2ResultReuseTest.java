package io.durable.jpa.schema;

import io.durable.jpa.Databases;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Opening the engine's store on H2 turns off H2's reuse of query results, which served a run's state
 * from before another connection's commit (2 to 10 runs in 1,000 read RUNNING for 20 s while the
 * database held it SUSPENDED). Read from H2's own database object: the race itself is too rare to
 * provoke in a test.
 */
class H2ResultReuseTest {

    private static final String URL = "jdbc:h2:mem:durable-result-reuse;DB_CLOSE_DELAY=-1";

    @Test
    void migrating_the_engines_h2_database_turns_the_reuse_of_query_results_off() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL, "sa", "")) {
            assertTrue(reusesResults(c), "H2's default, which the engine must change");
            SchemaMigrations.migrate(URL, "sa", "");
            assertFalse(reusesResults(c));
        }
    }

    @Test
    void a_user_without_admin_rights_gets_a_warning_that_names_the_url_setting() throws SQLException {
        // the admin's connection keeps the in-memory database open: a URL setting would need admin rights
        String url = "jdbc:h2:mem:durable-result-reuse-user";
        try (Connection admin = DriverManager.getConnection(url, "sa", "");
             Statement s = admin.createStatement()) {
            s.execute("CREATE USER app PASSWORD 'app'");
            List<LogRecord> warnings = new CopyOnWriteArrayList<>();
            Logger logger = Logger.getLogger(H2ResultReuse.class.getName());
            Handler handler = new Handler() {
                @Override
                public void publish(LogRecord record) {
                    if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
                        warnings.add(record);
                    }
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            };
            logger.addHandler(handler);
            try (Connection app = DriverManager.getConnection(url, "app", "app")) {
                H2ResultReuse.turnOff(app);
            } finally {
                logger.removeHandler(handler);
            }
            assertEquals(1, warnings.size());
            assertTrue(warnings.get(0).getMessage().contains(";OPTIMIZE_REUSE_RESULTS=FALSE"), warnings.get(0).getMessage());
            assertTrue(reusesResults(admin), "unchanged without admin rights");
        }
    }

    @Test
    void other_databases_are_left_alone() throws SQLException {
        try (Connection c = DriverManager.getConnection(Databases.postgresUrl(), "postgres", "")) {
            H2ResultReuse.turnOff(c);
            assertTrue(c.isValid(1));
        }
    }

    private static boolean reusesResults(Connection c) throws SQLException {
        return ((org.h2.engine.SessionLocal) c.unwrap(JdbcConnection.class).getSession()).getDatabase()
                .getOptimizeReuseResults();
    }
}
