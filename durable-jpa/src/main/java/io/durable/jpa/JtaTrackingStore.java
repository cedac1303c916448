package io.durable.jpa;

import io.durable.sync.ResourceLock;
import io.durable.jpa.internal.ContainerPersistence;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The tracking store in an application server: the container's entity manager for persistence unit
 * {@code durable}. Tracking calls join the caller's JTA transaction (a counter incremented in a
 * transactional step commits with it) or run in their own; lock calls always run in their own, so a
 * lock is visible to every node as soon as it is taken.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JtaTrackingStore extends JpaTrackingStore {

    @PersistenceContext(unitName = "durable")
    EntityManager entityManager;

    @PostConstruct
    void checkPersistenceContext() {
        entityManager = ContainerPersistence.required(entityManager, JtaTrackingStore.class);
    }

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ResourceLock acquireLock(String resource, String holder, Instant now, Duration ttl) {
        return super.acquireLock(resource, holder, now, ttl);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean renewLock(String resource, String holder, Instant now, Duration ttl) {
        return super.renewLock(resource, holder, now, ttl);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean releaseLock(String resource, String holder) {
        return super.releaseLock(resource, holder);
    }

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ResourceLock> findLock(String resource) {
        return super.findLock(resource);
    }
}
