package io.durable.bench.compare;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The single-commit limit: a "step" is one {@code INSERT} of a journal-like row committed on its own
 * (auto-commit: the insert and its commit in one round trip), on one of 32 connections; a "run" of K
 * steps is K of them on one connection. A library that commits each step on its own cannot do it with
 * fewer round trips or fewer transactions.
 */
final class RawJdbc implements Subject {

    private final PgStats pg;
    private final int connections;
    private BlockingQueue<Connection> pool;

    RawJdbc(PgStats pg, int connections) {
        this.pg = pg;
        this.connections = connections;
    }

    @Override
    public String engine() {
        return "jdbc";
    }

    @Override
    public String path() {
        return "insert+commit(autocommit) pool=" + connections;
    }

    @Override
    public String database() {
        return "raw_bench";
    }


    @Override
    public void open() throws Exception {
        String url = pg.url(database());
        pool = new ArrayBlockingQueue<>(connections);
        for (int i = 0; i < connections; i++) {
            pool.add(DriverManager.getConnection(url, pg.user(), ""));
        }
        Connection c = pool.peek();
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE step (run_id VARCHAR(100) NOT NULL, step INT NOT NULL, output TEXT, "
                    + "PRIMARY KEY (run_id, step))");
        }
    }

    @Override
    public void run(String id, int steps) throws Exception {
        Connection c = pool.poll(1, TimeUnit.MINUTES);
        if (c == null) {
            throw new IllegalStateException("no connection free for a minute");
        }
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO step (run_id, step, output) VALUES (?, ?, ?)")) {
            for (int i = 0; i < steps; i++) {
                insert.setString(1, id);
                insert.setInt(2, i);
                insert.setString(3, Integer.toString(i));
                insert.executeUpdate();
            }
        } finally {
            pool.add(c);
        }
    }

    @Override
    public void close() throws java.sql.SQLException {
        if (pool != null) {
            for (Connection c : pool) {
                c.close();
            }
        }
    }
}
