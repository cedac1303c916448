package io.durable.jpa.se;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.durable.jpa.JpaTrackingStore;
import io.durable.jpa.JpaWorkflowStore;
import io.durable.jpa.StoreSetupException;
import io.durable.jpa.schema.SchemaMigrations;
import io.durable.spi.TrackingStore;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import jakarta.persistence.Persistence;
import jakarta.persistence.spi.PersistenceProvider;
import jakarta.persistence.spi.PersistenceProviderResolverHolder;

import javax.sql.DataSource;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/**
 * Persistence unit {@code durable} as a resource-local unit on a JDBC URL. It is the
 * {@link TransactionRunner} (each new transaction gets its own entity manager, nested ones suspend
 * the outer) and hands out a {@link WorkflowStore} whose calls join the current transaction or run in
 * their own (the store's {@code ...Committed} writes in none: one auto-committed statement each).
 *
 * <p>The connections come from one HikariCP pool of at most {@value #POOL_SIZE}, which the JPA
 * provider uses as its non-JTA data source and the store for its auto-committed writes; HikariCP
 * ({@code com.zaxxer:HikariCP}) is an optional dependency of durable-jpa that Java SE use needs.
 */
public final class ResourceLocalJpa implements TransactionRunner, AutoCloseable {

    private final HikariDataSource pool;
    private final EntityManagerFactory factory;
    private final ThreadLocal<Deque<EntityManager>> current = ThreadLocal.withInitial(ArrayDeque::new);
    private final WorkflowStore store;
    private final TrackingStore trackingStore;

    private ResourceLocalJpa(HikariDataSource pool, EntityManagerFactory factory) {
        this.pool = pool;
        this.factory = factory;
        JpaWorkflowStore core = new JpaWorkflowStore() {
            @Override
            protected EntityManager entityManager() {
                return currentEntityManager();
            }

            @Override
            protected DataSource autoCommitDataSource() {
                return pool;
            }
        };
        JpaTrackingStore tracking = new JpaTrackingStore() {
            @Override
            protected EntityManager entityManager() {
                return currentEntityManager();
            }
        };
        store = joining(WorkflowStore.class, core, Set.of(), true);
        trackingStore = joining(TrackingStore.class, tracking, LOCK_METHODS, false);
    }

    private EntityManager currentEntityManager() {
        EntityManager em = current.get().peek();
        if (em == null) {
            throw new IllegalStateException("No transaction: store calls run inside ResourceLocalJpa");
        }
        return em;
    }

    /** Connections the pool keeps at most; one stays open when idle, the others close after 10 idle minutes. */
    static final int POOL_SIZE = 32;

    /** The standard property naming the JPA provider's class. */
    private static final String PROVIDER = "jakarta.persistence.provider";
    private static final String HIBERNATE = "org.hibernate.";

    /** Store methods that always run in a transaction of their own. */
    private static final Set<String> LOCK_METHODS = Set.of("acquireLock", "renewLock", "releaseLock", "findLock");

    /**
     * The suffix of the store methods that are called as they are, joining no transaction and opening
     * none: the {@code ...Committed} writes, each committed on its own (an auto-committed statement).
     */
    private static final String COMMITTED = "Committed";

    /**
     * A proxy whose calls join the current transaction or run in their own ({@code ownTransaction}:
     * always; with {@code committedAlone}, the {@code ...Committed} methods never in one).
     */
    private <S> S joining(Class<S> type, S target, Set<String> ownTransaction, boolean committedAlone) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[]{type}, (proxy, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(target, args);
            }
            Callable<Object> call = () -> {
                try {
                    return method.invoke(target, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause() instanceof Exception ex ? ex : new IllegalStateException(e.getCause());
                }
            };
            if (committedAlone && method.getName().endsWith(COMMITTED)) {
                return call.call();
            }
            return ownTransaction.contains(method.getName()) ? inNewTransaction(call) : required(call);
        }));
    }

    /**
     * Opens the unit on a database, after migrating its schema to this library's version
     * ({@link SchemaMigrations}).
     *
     * @param jdbcUrl  the JDBC URL
     * @param user     the user
     * @param password the password
     * @return the open unit; close it when done
     * @throws io.durable.jpa.schema.SchemaMigrationException when the schema cannot be migrated
     */
    public static ResourceLocalJpa open(String jdbcUrl, String user, String password) {
        return open(jdbcUrl, user, password, Map.of());
    }

    /**
     * Opens the unit on a database like {@link #open(String, String, String)}, with persistence
     * properties of the caller's added: {@code jakarta.persistence.provider} chooses the JPA provider
     * where more than one is on the class path (EclipseLink and Hibernate both run the store).
     *
     * @param jdbcUrl    the JDBC URL
     * @param user       the user
     * @param password   the password
     * @param properties more persistence properties; they win over this class's
     * @return the open unit; close it when done
     * @throws io.durable.jpa.schema.SchemaMigrationException when the schema cannot be migrated
     * @throws StoreSetupException when HikariCP is not on the class path
     */
    public static ResourceLocalJpa open(String jdbcUrl, String user, String password, Map<String, ?> properties) {
        SchemaMigrations.migrate(jdbcUrl, user, password);
        Map<String, Object> settings = new HashMap<>();
        settings.put("jakarta.persistence.transactionType", "RESOURCE_LOCAL");
        if (!hibernate(properties)) {
            // EclipseLink keeps the unit's jta-data-source for a resource-local unit unless it is emptied;
            // Hibernate refuses an empty name ("Error parsing JNDI name []") and needs no such override
            settings.put("jakarta.persistence.jtaDataSource", "");
        }
        HikariDataSource pool = pool(jdbcUrl, user, password);
        settings.put("jakarta.persistence.nonJtaDataSource", pool);
        settings.putAll(properties);
        try {
            return new ResourceLocalJpa(pool, Persistence.createEntityManagerFactory("durable", settings));
        } catch (RuntimeException | Error e) {
            pool.close();
            throw e;
        }
    }

    /**
     * The pool: HikariCP, because EclipseLink's own pool opens a connection when none is free and
     * closes every released one above its minimum while holding its single lock (33,871 PostgreSQL
     * sessions for 10,000 steps with min below max), and because the store's auto-committed writes
     * need connections that the JPA provider does not hold. HikariCP drops a connection whose
     * statement failed for a connection-level SQL state (class 08, a terminated session) and tests one
     * that sat idle before handing it out.
     */
    private static HikariDataSource pool(String jdbcUrl, String user, String password) {
        try {
            Class.forName("com.zaxxer.hikari.HikariDataSource", false, ResourceLocalJpa.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new StoreSetupException("ResourceLocalJpa needs HikariCP on the class path (com.zaxxer:HikariCP, an "
                    + "optional dependency of durable-jpa that Java SE use needs): it pools the store's connections", e);
        }
        HikariConfig config = new HikariConfig();
        config.setPoolName("durable");
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password == null ? "" : password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    /** Whether Hibernate opens the unit: the provider named in the properties, else the first one found. */
    private static boolean hibernate(Map<String, ?> properties) {
        Object named = properties.get(PROVIDER);
        if (named != null) {
            return named.toString().startsWith(HIBERNATE);
        }
        List<PersistenceProvider> providers = PersistenceProviderResolverHolder.getPersistenceProviderResolver()
                .getPersistenceProviders();
        return !providers.isEmpty() && providers.get(0).getClass().getName().startsWith(HIBERNATE);
    }

    /**
     * The store; each call joins the current transaction or runs in its own.
     *
     * @return the store
     */
    public WorkflowStore store() {
        return store;
    }

    /**
     * The tracking store; each call joins the current transaction or runs in its own (lock calls
     * always in their own).
     *
     * @return the tracking store
     */
    public TrackingStore trackingStore() {
        return trackingStore;
    }

    @Override
    public <T> T inNewTransaction(Callable<T> work) throws Exception {
        EntityManager em = factory.createEntityManager();
        EntityTransaction tx = em.getTransaction();
        current.get().push(em);
        try {
            tx.begin();
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            if (tx.isActive()) {
                tx.rollback();
            }
            throw e;
        } finally {
            current.get().pop();
            em.close();
        }
    }

    private <T> T required(Callable<T> work) throws Exception {
        return current.get().isEmpty() ? inNewTransaction(work) : work.call();
    }

    @Override
    public void close() {
        try {
            factory.close();
        } finally {
            pool.close();
        }
    }
}
