package io.durable.sample.chaos.war;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The same datasource without connection validation: after killed sessions or a restart the pool
 * hands out dead connections until each has failed once, and the engine must cope.
 */
@ApplicationScoped
@DataSourceDefinition(name = "java:app/jdbc/durable", className = "org.postgresql.ds.PGSimpleDataSource",
        url = "${durable.chaos.jdbc-url}", user = "postgres", password = "", minPoolSize = 2, maxPoolSize = 20)
public class PlainPostgres {
}
