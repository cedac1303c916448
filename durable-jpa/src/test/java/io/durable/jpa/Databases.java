package io.durable.jpa;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The test databases. PostgreSQL and MariaDB run on 127.0.0.1 on development and CI machines; the
 * tests create their own database there. Without the server a developer's run skips those tests
 * with a message; under CI ({@code CI=true}) a missing server fails the build instead.
 */
public final class Databases {

    public static final String PG_HOST = System.getProperty("durable.test.pg", "127.0.0.1:5432");
    public static final String MARIADB_HOST = System.getProperty("durable.test.mariadb", "127.0.0.1:3306");
    /** The test database's name; {@code -Ddurable.test.db} or {@code DURABLE_TEST_DB} lets parallel checkouts keep apart. */
    public static final String DATABASE = System.getProperty("durable.test.db",
            System.getenv().getOrDefault("DURABLE_TEST_DB", "durable_test"));

    private Databases() {
    }

    /** A database to run a test on, named by its kind in test reports. */
    public record Target(String url, String user, String password) {
        @Override
        public String toString() {
            return url.substring(5, url.indexOf(':', 5));
        }
    }

    /**
     * H2 (in memory, under the given name), PostgreSQL and MariaDB, for parameterized tests.
     *
     * @param h2Name the in-memory H2 database's name
     * @return the three targets
     */
    public static java.util.List<Target> all(String h2Name) {
        return java.util.List.of(new Target("jdbc:h2:mem:" + h2Name + ";DB_CLOSE_DELAY=-1", "sa", ""),
                new Target(postgresUrl(), "postgres", ""), new Target(mariadbUrl(), "root", ""));
    }

    public static String postgresUrl() {
        String admin = "jdbc:postgresql://" + PG_HOST + "/postgres";
        ensure(admin, "postgres", "", () -> "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'",
                "CREATE DATABASE " + DATABASE, "PostgreSQL");
        return "jdbc:postgresql://" + PG_HOST + "/" + DATABASE;
    }

    public static String mariadbUrl() {
        String admin = "jdbc:mariadb://" + MARIADB_HOST + "/";
        ensure(admin, "root", "", null, "CREATE DATABASE IF NOT EXISTS " + DATABASE
                + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin", "MariaDB");
        return "jdbc:mariadb://" + MARIADB_HOST + "/" + DATABASE;
    }

    /**
     * Drops the engine's tables, so each test JVM starts from the schema the entities declare (a
     * database kept from an earlier version of the code would keep its old constraints).
     */
    public static void dropTables(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            for (String table : new String[]{"durable_track_run", "durable_track_step", "durable_track_call",
                    "durable_track_link", "durable_track_counter", "durable_call", "durable_step_link", "durable_counter",
                    "durable_lock", "durable_approval", "durable_signal", "durable_step", "durable_run", "durable_schema_history"}) {
                s.execute("DROP TABLE IF EXISTS " + table);
            }
            for (String sequence : new String[]{"durable_run_seq", "durable_signal_seq", "durable_approval_seq",
                    "durable_call_seq"}) {
                s.execute("DROP SEQUENCE IF EXISTS " + sequence);
            }
            if (c.getMetaData().storesUpperCaseIdentifiers()) {
                // Flyway quotes the history table's name: on H2 it stays lower case
                s.execute("DROP TABLE IF EXISTS \"durable_schema_history\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot reset the test tables at " + url + ": " + e.getMessage(), e);
        }
    }

    /**
     * Runs a SQL script from the test resources: statements end with a semicolon at the end of a
     * line; lines starting with {@code --} are comments.
     */
    public static void runScript(String url, String user, String password, String resource) {
        String script;
        try (java.io.InputStream in = Databases.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            script = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            StringBuilder statement = new StringBuilder();
            for (String line : script.split("\n")) {
                if (line.startsWith("--") || line.isBlank()) {
                    continue;
                }
                statement.append(line).append('\n');
                if (line.stripTrailing().endsWith(";")) {
                    String sql = statement.toString().strip();
                    s.execute(sql.substring(0, sql.length() - 1));
                    statement.setLength(0);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("running " + resource + " on " + url + " failed: " + e.getMessage(), e);
        }
    }

    private static void ensure(String adminUrl, String user, String password, java.util.function.Supplier<String> exists,
                               String create, String product) {
        try (Connection c = DriverManager.getConnection(adminUrl, user, password); Statement s = c.createStatement()) {
            if (exists == null || !s.executeQuery(exists.get()).next()) {
                try {
                    s.execute(create);
                } catch (SQLException raced) {
                    // another test JVM created it meanwhile
                }
            }
        } catch (SQLException e) {
            String message = product + " is not reachable at " + adminUrl + " (" + e.getMessage() + ")";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + "; under CI this database is mandatory", e);
            }
            Assumptions.abort(message + "; skipping its tests. Start it to run them.");
        }
    }
}
