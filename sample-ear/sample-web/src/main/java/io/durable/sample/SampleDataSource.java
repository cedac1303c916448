package io.durable.sample;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceContext;

/**
 * The datasource the engine (persistence unit {@code durable}) and the sample (unit {@code sample})
 * share, so a transactional step's effects and its journal row commit in one local transaction.
 *
 * <p>Embedded H2 in {@code data/} under the server process's working folder: the one definition that
 * means the same on every server (a server's own folder property, such as Payara's and GlassFish's
 * {@code com.sun.aas.instanceRoot}, is expanded by some servers and not others). Where that folder is
 * on each server: the README's servers table. {@code WRITE_DELAY=0} makes H2 write every commit to
 * the file before the commit returns; its default delay would lose the last half second of commits
 * on {@code kill -9}. H2 survives process crashes this way, not power loss: production belongs on
 * PostgreSQL or MariaDB.
 *
 * <p>The {@code @PersistenceContext} declares the engine's persistence context application-wide for servers
 * that inject nothing into an EAR's {@code lib/} jars (Open Liberty); elsewhere the engine uses its own
 * injected one and this declaration is unused (see the README, "What a WAR or an EAR contains").
 */
@ApplicationScoped
@PersistenceContext(name = "java:app/durable/entityManager", unitName = "durable")
@DataSourceDefinition(
        name = "java:app/jdbc/durable",
        className = "org.h2.jdbcx.JdbcDataSource",
        url = "jdbc:h2:./data/durable-sample;WRITE_DELAY=0;OPTIMIZE_REUSE_RESULTS=FALSE",
        user = "sa",
        password = "",
        minPoolSize = 2,
        maxPoolSize = 40,
        transactional = true,
        // a connection that broke (a killed session, a restarted database) is found and replaced
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
public class SampleDataSource {
}
