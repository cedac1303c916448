package io.durable.sample.chaos.war;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The README tutorial's datasource on the chaos tests' own PostgreSQL: Payara validates each
 * connection before handing it out and drops the whole pool when one is found dead. The URL comes
 * from the system property {@code durable.chaos.jdbc-url}, which Payara substitutes.
 */
@ApplicationScoped
@DataSourceDefinition(name = "java:app/jdbc/durable", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${durable.chaos.jdbc-url}", user = "postgres", password = "", minPoolSize = 2, maxPoolSize = 20,
        properties = {
                "fish.payara.is-connection-validation-required=true",
                "fish.payara.connection-validation-method=auto-commit",
                "fish.payara.fail-all-connections=true"})
public class ValidatingPostgres {
}
