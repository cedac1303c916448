package io.durable.jpa;

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

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }
}
