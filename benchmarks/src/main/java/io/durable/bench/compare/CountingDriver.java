package io.durable.bench.compare;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.LongAdder;
import java.util.logging.Logger;

/**
 * Stands in for the PostgreSQL driver in {@link DriverManager} and counts, per database, what each
 * connection opened through it sends: statement executions, batch executions, commits and rollbacks.
 * Each library runs on a database of its own, so the database names whose counts they are. Libraries
 * that open connections through {@link DriverManager} or a URL-configured pool (EclipseLink, HikariCP)
 * get counted connections without being told; a library that names the driver class itself (Flyway,
 * for the engine's schema migrations) is not counted, which leaves only its start-up out. Every call
 * passes through a {@link Proxy}, which costs each library the same few hundred nanoseconds per call,
 * small beside a round trip.
 */
public final class CountingDriver implements Driver {

    static final String PREFIX = "jdbc:postgresql:";

    private static final Driver REAL = new org.postgresql.Driver();

    /** What one library sent. Round trips: executions, batch executions, commits and rollbacks. */
    public static final class Counts {
        final LongAdder executes = new LongAdder();
        final LongAdder batches = new LongAdder();
        final LongAdder batchedRows = new LongAdder();
        final LongAdder commits = new LongAdder();
        final LongAdder rollbacks = new LongAdder();

        /** A copy of the counters now: executes, batches, batched rows, commits, rollbacks. */
        public long[] snapshot() {
            return new long[]{executes.sum(), batches.sum(), batchedRows.sum(), commits.sum(), rollbacks.sum()};
        }
    }

    private static final java.util.concurrent.ConcurrentHashMap<String, Counts> COUNTS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** Takes the PostgreSQL driver's place in {@link DriverManager}; call once before any connection. */
    public static void install() throws SQLException {
        for (Driver d : java.util.Collections.list(DriverManager.getDrivers())) {
            if (d instanceof org.postgresql.Driver) {
                DriverManager.deregisterDriver(d);
            }
        }
        DriverManager.registerDriver(new CountingDriver());
    }

    /** The counters of a database (created on first use). */
    public static Counts counts(String database) {
        return COUNTS.computeIfAbsent(database, l -> new Counts());
    }

    /**
     * A connection whose calls are counted under {@code database}, for a data source that opens
     * connections itself (the in-server driver's {@code io.durable.bench.server.CountingPgDataSource}).
     *
     * @param real     the driver's connection
     * @param database the name to count under
     * @return the counted connection
     */
    public static Connection counted(Connection real, String database) {
        return wrap(Connection.class, real, counts(database));
    }

    private static String database(String url) {
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        return base.substring(base.lastIndexOf('/') + 1);
    }

    @Override
    public Connection connect(String url, Properties info) throws SQLException {
        if (!acceptsURL(url)) {
            return null;
        }
        Connection real = REAL.connect(url, info);
        return real == null ? null : wrap(Connection.class, real, counts(database(url)));
    }

    private static <T> T wrap(Class<T> type, T target, Counts counts) {
        InvocationHandler handler = (proxy, method, args) -> {
            String name = method.getName();
            if (name.equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(proxy)) {
                return proxy;
            }
            count(target, name, counts);
            Object result;
            try {
                result = method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
            if (result instanceof CallableStatement cs && method.getReturnType() == CallableStatement.class) {
                return wrap(CallableStatement.class, cs, counts);
            }
            if (result instanceof PreparedStatement ps && method.getReturnType() == PreparedStatement.class) {
                return wrap(PreparedStatement.class, ps, counts);
            }
            if (result instanceof Statement s && method.getReturnType() == Statement.class) {
                return wrap(Statement.class, s, counts);
            }
            return result;
        };
        return type.cast(Proxy.newProxyInstance(CountingDriver.class.getClassLoader(), new Class<?>[]{type}, handler));
    }

    private static void count(Object target, String name, Counts counts) {
        if (target instanceof Connection) {
            if (name.equals("commit")) {
                counts.commits.increment();
            } else if (name.equals("rollback")) {
                counts.rollbacks.increment();
            }
            return;
        }
        switch (name) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> counts.executes.increment();
            case "executeBatch", "executeLargeBatch" -> counts.batches.increment();
            case "addBatch" -> counts.batchedRows.increment();
            default -> {
            }
        }
    }

    @Override
    public boolean acceptsURL(String url) {
        return url != null && url.startsWith(PREFIX);
    }

    @Override
    public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
        return REAL.getPropertyInfo(url, info);
    }

    @Override
    public int getMajorVersion() {
        return 1;
    }

    @Override
    public int getMinorVersion() {
        return 0;
    }

    @Override
    public boolean jdbcCompliant() {
        return false;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }
}
