package io.durable.jpa.internal;

import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The JDBC product name of the database behind an entity manager, found with the JPA provider's own
 * means: JPA has no standard way to the connection before Jakarta Persistence 3.2. EclipseLink hands
 * the connection out through {@code unwrap(Connection.class)}; Hibernate refuses that ("Hibernate
 * cannot unwrap interface java.sql.Connection") and runs JDBC work on the session's connection
 * through its public {@code Session.doReturningWork(ReturningWork)} instead, called here by reflection
 * so that durable-jpa depends on neither provider.
 */
final class DatabaseProduct {

    private static final String HIBERNATE_SESSION = "org.hibernate.Session";
    private static final String HIBERNATE_WORK = "org.hibernate.jdbc.ReturningWork";

    private DatabaseProduct() {
    }

    /**
     * @param em an entity manager in a transaction
     * @return the database's product name, as its JDBC driver reports it
     * @throws SQLException when the driver cannot tell it
     * @throws PersistenceException when the provider hands out no connection by either means
     */
    static String of(EntityManager em) throws SQLException {
        try {
            return em.unwrap(Connection.class).getMetaData().getDatabaseProductName();
        } catch (PersistenceException | UnsupportedOperationException notEclipseLink) {
            return throughHibernate(em, notEclipseLink);
        }
    }

    private static String throughHibernate(EntityManager em, RuntimeException unwrapFailure) throws SQLException {
        Object delegate = em.getDelegate();
        try {
            ClassLoader loader = delegate.getClass().getClassLoader();
            Class<?> session = Class.forName(HIBERNATE_SESSION, false, loader);
            Class<?> work = Class.forName(HIBERNATE_WORK, false, loader);
            if (!session.isInstance(delegate)) {
                throw unwrapFailure;
            }
            Object productName = Proxy.newProxyInstance(work.getClassLoader(), new Class<?>[] {work},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "execute" -> ((Connection) arguments[0]).getMetaData().getDatabaseProductName();
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == arguments[0];
                        default -> "ReturningWork(database product name)";
                    });
            Method doReturningWork = session.getMethod("doReturningWork", work);
            return (String) doReturningWork.invoke(delegate, productName);
        } catch (ClassNotFoundException | NoSuchMethodException | IllegalAccessException notHibernate) {
            unwrapFailure.addSuppressed(notHibernate);
            throw unwrapFailure;
        } catch (InvocationTargetException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof SQLException sql) {
                throw sql;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new PersistenceException(cause);
        }
    }
}
