package io.durable.bench.compare;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.dbos.transact.DBOS;
import dev.dbos.transact.config.DBOSConfig;

/**
 * DBOS Transact Java on its own database: with its default pool (the HikariCP pool it builds from a
 * URL: 10 connections) or with a pool of {@code poolSize} built with the same settings.
 */
final class Dbos implements Subject {

    private final PgStats pg;
    private final int poolSize;
    private DBOS dbos;
    private DbosNoop noop;
    private HikariDataSource own;

    /**
     * @param poolSize 0 for DBOS's default pool, else the size of the pool handed to it
     */
    Dbos(PgStats pg, int poolSize) {
        this.pg = pg;
        this.poolSize = poolSize;
    }

    @Override
    public String engine() {
        return "dbos";
    }

    @Override
    public String path() {
        return poolSize == 0 ? "se pool=default(10)" : "se pool=" + poolSize;
    }

    @Override
    public String database() {
        // one database per pool, so both can run side by side (the interleaved lone runs)
        return poolSize == 0 ? "dbos_bench" : "dbos" + poolSize + "_bench";
    }


    @Override
    public void open() {
        String url = pg.url(database());
        DBOSConfig config = DBOSConfig.defaults("bench");
        if (poolSize == 0) {
            config = config.withDatabaseUrl(url).withDbUser(pg.user()).withDbPassword("");
        } else {
            own = new HikariDataSource(sameAsDefault(url, poolSize));
            config = config.withDataSource(own);
        }
        dbos = new DBOS(config);
        noop = dbos.registerProxy(DbosNoop.class, new DbosNoopImpl(dbos));
        dbos.launch();
    }

    /** DBOS's own pool settings (SystemDatabase.createDataSource in 1.1.0-m6) with another size. */
    private HikariConfig sameAsDefault(String url, int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(pg.user());
        config.setPassword("");
        config.setMaxLifetime(60_000);
        config.setKeepaliveTime(30_000);
        config.setConnectionTimeout(10_000);
        config.setValidationTimeout(2_000);
        config.setInitializationFailTimeout(-1);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("connectTimeout", "10");
        config.addDataSourceProperty("socketTimeout", "60");
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        return config;
    }

    @Override
    public void run(String id, int steps) throws Exception {
        int result = dbos.startWorkflow(() -> noop.run(steps)).getResult();
        if (result != steps * (steps - 1) / 2) {
            throw new IllegalStateException("DBOS run " + id + " returned " + result);
        }
    }

    @Override
    public void close() {
        if (dbos != null) {
            dbos.close();
        }
        if (own != null) {
            own.close();
        }
    }
}
