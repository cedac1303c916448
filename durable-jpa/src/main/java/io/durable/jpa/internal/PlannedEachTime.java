package io.durable.jpa.internal;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Asks the PostgreSQL JDBC driver to plan one statement at each execution instead of keeping a
 * server-side prepared plan. PostgreSQL keeps the generic plan it settles on after a prepared
 * statement's first executions until the table's statistics change; a plan for a join made while
 * {@code durable_run} was young (a new database: no statistics, a table of a few pages) scans the
 * whole table, and goes on scanning it as the table grows to thousands of runs, until autovacuum
 * next analyzes it. A statement planned each time costs its planning, and sees the table as it is.
 *
 * <p>The driver's {@code org.postgresql.PGStatement#setPrepareThreshold(int)} (0: never prepare on
 * the server) is called by reflection, so that durable-jpa does not depend on the driver. Where the
 * application cannot see the driver's classes (an application server that keeps its drivers apart)
 * the statement keeps the driver's default.
 */
final class PlannedEachTime {

    private static final String PG_STATEMENT = "org.postgresql.PGStatement";

    private PlannedEachTime() {
    }

    /**
     * @param statement a statement on a PostgreSQL connection, directly or behind a pool's wrapper
     * @throws SQLException when the driver refuses
     */
    static void apply(PreparedStatement statement) throws SQLException {
        Class<?> pgStatement = driverInterface(statement);
        if (pgStatement == null || !statement.isWrapperFor(pgStatement)) {
            return;
        }
        try {
            Method threshold = pgStatement.getMethod("setPrepareThreshold", int.class);
            threshold.invoke(statement.unwrap(pgStatement), 0);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof SQLException refused) {
                throw refused;
            }
            throw new SQLException("The PostgreSQL driver failed to set a statement's prepare threshold", e.getCause());
        } catch (ReflectiveOperationException e) {
            // a driver without the method: the statement keeps the driver's default
        }
    }

    private static Class<?> driverInterface(PreparedStatement statement) {
        for (ClassLoader loader : new ClassLoader[]{Thread.currentThread().getContextClassLoader(),
                PlannedEachTime.class.getClassLoader(), statement.getClass().getClassLoader()}) {
            if (loader == null) {
                continue;
            }
            try {
                return Class.forName(PG_STATEMENT, false, loader);
            } catch (ClassNotFoundException notHere) {
                // try the next loader
            }
        }
        return null;
    }
}
