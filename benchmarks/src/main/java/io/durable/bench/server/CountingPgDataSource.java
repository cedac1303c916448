package io.durable.bench.server;

import io.durable.bench.compare.CountingDriver;
import org.postgresql.ds.PGSimpleDataSource;

import java.sql.Connection;
import java.sql.SQLException;

/** PostgreSQL's simple data source whose connections count what the engine sends ({@link CountingDriver}). */
public class CountingPgDataSource extends PGSimpleDataSource {

    private static final long serialVersionUID = 1L;

    @Override
    public Connection getConnection() throws SQLException {
        return CountingDriver.counted(super.getConnection(), getDatabaseName());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return CountingDriver.counted(super.getConnection(user, password), getDatabaseName());
    }
}
