package io.durable.jpa.internal;

import io.durable.jpa.schema.SchemaMigrationException;
import io.durable.jpa.schema.SchemaMigrations;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.eclipse.microprofile.config.ConfigProvider;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Migrates the engine's schema on the persistence unit's data source when the application starts,
 * before the engine (whose start observes the same event at a later priority) touches a table. It
 * runs outside any transaction, as Flyway needs. {@value #MIGRATE} = {@code false} leaves the schema
 * to the DBA. A failure fails the deployment: an engine on a schema of the wrong version would fail
 * run by run instead.
 */
@ApplicationScoped
class SchemaBootstrap {

    /** The setting (MicroProfile Config, or a system property without it) that turns migration off. */
    static final String MIGRATE = "durable.schema.migrate";

    /** The data source of persistence unit {@code durable} (its {@code jta-data-source}). */
    static final String DATA_SOURCE = "java:app/jdbc/durable";

    private static final Logger LOG = Logger.getLogger(SchemaBootstrap.class.getName());

    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class) Object ignored) {
        if (!enabled()) {
            LOG.info(() -> MIGRATE + "=false: the engine's schema is left to the DBA (docs/schema.md)");
            return;
        }
        SchemaMigrations.migrate(dataSource());
    }

    private static DataSource dataSource() {
        try {
            return (DataSource) new InitialContext().lookup(DATA_SOURCE);
        } catch (NamingException | ClassCastException e) {
            throw new SchemaMigrationException("No data source at " + DATA_SOURCE + " to migrate the engine's schema on ("
                    + e + "). Define it, for example with @DataSourceDefinition(name = \"" + DATA_SOURCE + "\", ...);"
                    + " see the README.", e);
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
