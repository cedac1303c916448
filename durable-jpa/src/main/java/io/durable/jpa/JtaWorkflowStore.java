package io.durable.jpa;

import io.durable.jpa.internal.ContainerPersistence;
import io.durable.jpa.internal.SchemaBootstrap;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * The store in an application server: the container's entity manager for persistence unit
 * {@code durable}, every call in the caller's JTA transaction or, without one, in its own.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JtaWorkflowStore extends JpaWorkflowStore {

    @PersistenceContext(unitName = "durable")
    EntityManager entityManager;

    @PostConstruct
    void checkPersistenceContext() {
        entityManager = ContainerPersistence.required(entityManager, JtaWorkflowStore.class);
    }

    /** Checks the data source and migrates the engine's schema, outside any transaction as Flyway needs. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void open() {
        SchemaBootstrap.prepare();
    }

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }
}
