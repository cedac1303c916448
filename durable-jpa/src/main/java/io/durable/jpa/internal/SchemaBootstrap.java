package io.durable.jpa.internal;

import io.durable.jpa.StoreSetupException;
import io.durable.jpa.schema.H2ResultReuse;
import io.durable.jpa.schema.SchemaMigrations;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks the store's data source and migrates the engine's schema on it when the engine opens the JTA
 * store ({@code WorkflowStore.open}), before the engine touches a table. That happens in a module's
 * naming environment, also in an EAR, where the application-wide start-up event has none. It runs
 * outside any transaction, as Flyway needs. {@value #MIGRATE} = {@code false} leaves the schema to the
 * DBA. A failure fails the deployment: an engine without its data source, or on a schema of the wrong
 * version, would fail run by run instead.
 */
public final class SchemaBootstrap {

    /** The setting (MicroProfile Config, or a system property without it) that turns migration off. */
    static final String MIGRATE = "durable.schema.migrate";

    /** The data source of persistence unit {@code durable} (its {@code jta-data-source}). */
    static final String DATA_SOURCE = "java:app/jdbc/durable";

    private static final Logger LOG = Logger.getLogger(SchemaBootstrap.class.getName());

    private SchemaBootstrap() {
    }

    /**
     * Looks the data source up and migrates the schema on it, unless migration is off.
     *
     * @return the data source at {@value #DATA_SOURCE}
     * @throws StoreSetupException when there is no data source at {@value #DATA_SOURCE}
     */
    public static DataSource prepare() {
        DataSource dataSource = dataSource();
        if (!enabled()) {
            LOG.info(() -> MIGRATE + "=false: the engine's schema is left to the DBA (docs/schema.md)");
            try (Connection connection = dataSource.getConnection()) {
                H2ResultReuse.turnOff(connection);
            } catch (SQLException e) {
                throw new StoreSetupException("Cannot reach the engine's data source at " + DATA_SOURCE + ": "
                        + e.getMessage() + ". Check the datasource and that the database is up.", e);
            }
            return dataSource;
        }
        SchemaMigrations.migrate(dataSource);
        return dataSource;
    }

    private static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(DATA_SOURCE);
        } catch (NamingException | ClassCastException e) {
            throw new StoreSetupException("No data source at " + DATA_SOURCE + " for the engine's store (" + e
                    + "). Define it, for example with @DataSourceDefinition(name = \"" + DATA_SOURCE + "\", ...);"
                    + " see the README, \"What a WAR or an EAR contains\".", e);
        }
    }

    private static boolean enabled() {
        Optional<String> value;
        try {
            value = ConfigProvider.getConfig().getOptionalValue(MIGRATE, String.class);
        } catch (RuntimeException | LinkageError noConfig) {
            value = Optional.ofNullable(System.getProperty(MIGRATE));
        }
        return value.map(String::trim).map(v -> !v.equalsIgnoreCase("false")).orElse(true);
    }
}
