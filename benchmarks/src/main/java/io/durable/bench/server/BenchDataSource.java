package io.durable.bench.server;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The engine's datasource: the benchmark's own PostgreSQL database {@code durable_server_bench},
 * through a pool of 64 (32 concurrent runs, each of which may hold a second connection for a
 * transaction of its own), connections counted by {@link CountingPgDataSource}.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = "java:app/jdbc/durable",
        className = "io.durable.bench.server.CountingPgDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/durable_server_bench",
        user = "postgres",
        password = "",
        minPoolSize = 32,
        maxPoolSize = 64,
        transactional = true)
public class BenchDataSource {
}
