package io.durable.bench.server;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The engine's datasource: the benchmark's own PostgreSQL database {@code durable_server_bench},
 * through a pool of up to 48 (32 concurrent runs and the 32 callers starting them), connections
 * counted by {@link CountingPgDataSource}. Idle connections close after 20 s: the server stays up
 * while raw JDBC (32 connections) and DBOS (up to 33) are measured, on a server whose
 * {@code max_connections} is PostgreSQL's default of 100.
 */
@ApplicationScoped
@DataSourceDefinition(
        name = "java:app/jdbc/durable",
        className = "io.durable.bench.server.CountingPgDataSource",
        url = "jdbc:postgresql://127.0.0.1:5432/durable_server_bench",
        user = "postgres",
        password = "",
        minPoolSize = 0,
        maxPoolSize = 48,
        maxIdleTime = 20,
        transactional = true)
public class BenchDataSource {
}
