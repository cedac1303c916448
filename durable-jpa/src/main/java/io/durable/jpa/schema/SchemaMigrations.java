package io.durable.jpa.schema;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * Brings a database's engine tables to the version this library needs, with Flyway and the SQL
 * scripts under {@code io/durable/jpa/migration/<database>/} in this jar (H2, PostgreSQL, MariaDB;
 * MySQL 8 takes MariaDB's scripts, untested). Safe when several nodes start together: the check of
 * what the database holds and the migration run under one database lock ({@link SchemaLock}), so
 * one node applies each script and the others find it applied.
 *
 * <p>The history table is {@value #HISTORY_TABLE}, not Flyway's default, so an application that
 * uses Flyway for its own tables in the same schema keeps its own history. A database whose engine
 * tables EclipseLink created before versioned migrations existed (release 0.1) is recognised by
 * its {@code durable_run} table and recorded as version 1 (the scripts of version 1 are that schema),
 * then upgraded; nothing in it is recreated.
 *
 * <p>Each script folder holds an empty {@code flyway.location}: Flyway finds a classpath location on
 * Open Liberty (and WebSphere) only by that marker file, and otherwise migrates nothing ("No migrations
 * found").
 */
public final class SchemaMigrations {

    /** The table where Flyway records which engine migrations a database has. */
    public static final String HISTORY_TABLE = "durable_schema_history";

    /** The tables of schema version 1, all present in a database EclipseLink created. */
    static final List<String> VERSION_1_TABLES = List.of("durable_run", "durable_step", "durable_signal",
            "durable_approval", "durable_track_run", "durable_track_step", "durable_track_call", "durable_track_link",
            "durable_track_counter", "durable_lock");

    private static final Logger LOG = Logger.getLogger(SchemaMigrations.class.getName());

    private SchemaMigrations() {
    }

    /**
     * Migrates the database behind a JDBC URL.
     *
     * @param jdbcUrl  the JDBC URL
     * @param user     the user, who needs the right to create tables and indexes
     * @param password the password, may be {@code null}
     * @return what was found and what is in place now
     * @throws SchemaMigrationException when the database is unreachable, not supported, or a script fails
     */
    public static SchemaVersion migrate(String jdbcUrl, String user, String password) {
        return migrate(Flyway.configure(SchemaMigrations.class.getClassLoader())
                .dataSource(jdbcUrl, user, password == null ? "" : password), jdbcUrl);
    }

    /**
     * Migrates the database behind a data source. Call it outside any JTA transaction: Flyway commits
     * on its own connections.
     *
     * @param dataSource the engine's data source
     * @return what was found and what is in place now
     * @throws SchemaMigrationException when the database is unreachable, not supported, or a script fails
     */
    public static SchemaVersion migrate(DataSource dataSource) {
        return migrate(Flyway.configure(SchemaMigrations.class.getClassLoader()).dataSource(dataSource),
                "the engine's data source");
    }

    @SuppressWarnings("try") // the lock is held for the block, not used in it
    private static SchemaVersion migrate(org.flywaydb.core.api.configuration.FluentConfiguration configuration,
                                         String where) {
        try (Connection connection = configuration.getDataSource().getConnection()) {
            // before the lock: H2 commits at every SET, and would end the lock's transaction
            H2ResultReuse.turnOff(connection);
            try (SchemaLock lock = SchemaLock.take(connection, database(connection.getMetaData().getDatabaseProductName()))) {
                return migrate(configuration, inspect(connection));
            }
        } catch (SQLException e) {
            throw new SchemaMigrationException("Cannot reach " + where + " to check the engine's schema: "
                    + e.getMessage() + ". Check the datasource and that the database is up.", e);
        }
    }

    private static SchemaVersion migrate(org.flywaydb.core.api.configuration.FluentConfiguration configuration,
                                         Found found) {
        // a schema that already holds other tables needs a baseline for Flyway to start: version 0 (below
        // every script) for a database without engine tables, version 1 for one EclipseLink created
        Flyway flyway = configuration
                .locations("classpath:io/durable/jpa/migration/" + found.database)
                .table(HISTORY_TABLE)
                .baselineOnMigrate(true)
                .baselineVersion(found.legacy ? "1" : "0")
                .baselineDescription(found.legacy ? "engine tables created by EclipseLink (release 0.1)" : "empty")
                .load();
        try {
            MigrateResult result = flyway.migrate();
            String before = result.initialSchemaVersion == null || "0".equals(result.initialSchemaVersion)
                    ? (found.legacy ? "1" : "none") : result.initialSchemaVersion;
            String after = result.targetSchemaVersion != null ? result.targetSchemaVersion
                    : String.valueOf(flyway.info().current().getVersion());
            SchemaVersion version = new SchemaVersion(found.database, before, after, result.migrationsExecuted,
                    found.legacy);
            LOG.info(() -> "Durable workflows schema on " + found.database + ": version " + version.before() + " -> "
                    + version.after() + " (" + version.applied() + " migration(s) applied here)");
            return version;
        } catch (FlywayException e) {
            throw new SchemaMigrationException("Migrating the engine's schema on " + found.database + " failed: "
                    + e.getMessage() + ". Nothing after the failed script was applied; fix the cause and start again,"
                    + " or apply the scripts yourself (docs/schema.md) and set durable.schema.migrate=false.", e);
        }
    }

    private record Found(String database, boolean legacy) {
    }

    private static Found inspect(Connection connection) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        String database = database(meta.getDatabaseProductName());
        boolean hasHistory = exists(connection, HISTORY_TABLE);
        boolean legacy = !hasHistory && exists(connection, "durable_run");
        if (legacy) {
            List<String> missing = new ArrayList<>();
            for (String table : VERSION_1_TABLES) {
                if (!exists(connection, table)) {
                    missing.add(table);
                }
            }
            if (!missing.isEmpty()) {
                throw new SchemaMigrationException("Found engine tables without " + HISTORY_TABLE
                        + ", but not all tables of release 0.1: missing " + missing + ". They come from an older"
                        + " development version; drop the durable_* tables of that version (their runs cannot be"
                        + " upgraded) or create the missing tables from V1__baseline.sql, then start again.", null);
            }
        }
        return new Found(database, legacy);
    }

    static String database(String productName) {
        String name = productName == null ? "" : productName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return "postgresql";
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return "mariadb";
        }
        if (name.equals("h2")) {
            return "h2";
        }
        throw new SchemaMigrationException("The engine has schema scripts for PostgreSQL, MariaDB and H2, not for "
                + productName + ". Create the schema yourself from the PostgreSQL scripts (docs/schema.md) and set"
                + " durable.schema.migrate=false.", null);
    }

    /**
     * Whether a table exists, under its name as written or as the database folds unquoted names (H2
     * folds to upper case; Flyway quotes the history table's name, so H2 keeps it lower case).
     */
    private static boolean exists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : meta.storesUpperCaseIdentifiers()
                ? List.of(table, table.toUpperCase(Locale.ROOT)) : List.of(table)) {
            try (ResultSet tables = meta.getTables(connection.getCatalog(), connection.getSchema(), name,
                    new String[]{"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
