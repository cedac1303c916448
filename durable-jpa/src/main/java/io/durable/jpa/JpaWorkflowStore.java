package io.durable.jpa;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StoreException;
import io.durable.jpa.internal.Mapping;
import io.durable.jpa.internal.RunEntity;
import io.durable.jpa.internal.StepEntity;
import io.durable.spi.JournalConflictException;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.StoredRun;
import io.durable.spi.WorkflowStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The {@link WorkflowStore} on JPA. Every method runs in the caller's transaction (JTA in a server,
 * resource-local in Java SE). Leases are conditional updates on the run's epoch, so of several nodes
 * claiming a run exactly one wins, and a journal write first checks (and locks) the run's epoch in the
 * same transaction: a node that lost its lease cannot write.
 */
public abstract class JpaWorkflowStore implements WorkflowStore {

    private static final String RUNNING = RunStatus.RUNNING.name();
    private static final String PENDING = RunStatus.PENDING.name();

    /**
     * The entity manager of the current transaction.
     *
     * @return the entity manager for persistence unit {@code durable}
     */
    protected abstract EntityManager entityManager();

    @Override
    public void createRun(NewRun run) {
        Optional<RunInfo> existing = findRun(run.workflowName(), run.instanceId());
        if (existing.isPresent()) {
            throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), existing.get().id().value());
        }
        try {
            EntityManager em = entityManager();
            em.persist(Mapping.toEntity(run));
            em.flush();
        } catch (PersistenceException e) {
            if (Mapping.isConstraintViolation(e)) {
                throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
            }
            throw new StoreException("creating run " + run.id(), e);
        }
    }

    @Override
    public Optional<StoredRun> findRun(RunId id) {
        return read("reading run " + id, () -> Optional.ofNullable(entityManager().find(RunEntity.class, id.value()))
                .map(Mapping::toStored));
    }

    @Override
    public Optional<RunInfo> findRun(String workflowName, String instanceId) {
        return read("reading run " + workflowName + "/" + instanceId, () -> entityManager()
                .createQuery("SELECT r FROM RunEntity r WHERE r.workflowName = :w AND r.instanceId = :i", RunEntity.class)
                .setParameter("w", workflowName)
                .setParameter("i", instanceId)
                .getResultStream().findFirst().map(Mapping::toInfo));
    }

    @Override
    public List<RunInfo> listRuns(RunQuery query) {
        return read("listing runs", () -> {
            StringBuilder jpql = new StringBuilder("SELECT r FROM RunEntity r WHERE 1 = 1");
            query.workflow().ifPresent(w -> jpql.append(" AND r.workflowName = :w"));
            query.statusFilter().ifPresent(s -> jpql.append(" AND r.status = :s"));
            jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
            TypedQuery<RunEntity> q = entityManager().createQuery(jpql.toString(), RunEntity.class);
            query.workflow().ifPresent(w -> q.setParameter("w", w));
            query.statusFilter().ifPresent(s -> q.setParameter("s", s.name()));
            return q.setMaxResults(query.limit()).getResultStream().map(Mapping::toInfo).toList();
        });
    }

    @Override
    public List<StepInfo> loadJournal(RunId id) {
        return read("loading the journal of run " + id, () -> entityManager()
                .createQuery("SELECT s FROM StepEntity s WHERE s.runId = :id ORDER BY s.sequence", StepEntity.class)
                .setParameter("id", id.value())
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration) {
        return read("claiming run " + id, () -> {
            EntityManager em = entityManager();
            List<Long> epochs = em.createQuery("SELECT r.leaseEpoch FROM RunEntity r WHERE r.id = :id", Long.class)
                    .setParameter("id", id.value()).getResultList();
            if (epochs.isEmpty()) {
                return Optional.empty();
            }
            long epoch = epochs.get(0);
            Instant expiry = now.plus(leaseDuration);
            int updated = em.createQuery("UPDATE RunEntity r SET r.status = :running, r.leaseOwner = :owner, "
                            + "r.leaseEpoch = :next, r.leaseExpiresAt = :expiry, r.updatedAt = :now "
                            + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND (r.status = :pending "
                            + "OR (r.status = :running AND r.leaseExpiresAt <= :now))")
                    .setParameter("running", RUNNING)
                    .setParameter("pending", PENDING)
                    .setParameter("owner", owner)
                    .setParameter("next", epoch + 1)
                    .setParameter("expiry", expiry.toEpochMilli())
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("id", id.value())
                    .setParameter("epoch", epoch)
                    .executeUpdate();
            return updated == 1 ? Optional.of(new Lease(id, owner, epoch + 1, expiry)) : Optional.empty();
        });
    }

    @Override
    public boolean renew(Lease lease, Instant expiresAt) {
        return read("renewing the lease on run " + lease.runId(), () -> entityManager()
                .createQuery("UPDATE RunEntity r SET r.leaseExpiresAt = :expiry "
                        + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status = :running")
                .setParameter("expiry", expiresAt.toEpochMilli())
                .setParameter("id", lease.runId().value())
                .setParameter("epoch", lease.epoch())
                .setParameter("running", RUNNING)
                .executeUpdate() == 1);
    }

    @Override
    public void appendStep(Lease lease, StepInfo step) {
        EntityManager em = entityManager();
        long at = step.finishedAt() != null ? step.finishedAt().toEpochMilli() : lease.expiresAt().toEpochMilli();
        fence(em, lease, at);
        try {
            em.persist(Mapping.toEntity(lease.runId(), step));
            em.flush();
        } catch (PersistenceException e) {
            if (Mapping.isConstraintViolation(e)) {
                throw new JournalConflictException(lease.runId().value(), step.stepKey(), e);
            }
            throw new StoreException("journaling step " + step.stepKey() + " of run " + lease.runId(), e);
        }
    }

    @Override
    public void finishRun(Lease lease, RunStatus status, String outputJson, String error, Instant now) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run finishes COMPLETED, FAILED or CANCELLED, not " + status);
        }
        int updated = read("finishing run " + lease.runId(), () -> entityManager()
                .createQuery("UPDATE RunEntity r SET r.status = :status, r.outputJson = :output, r.error = :error, "
                        + "r.finishedAt = :now, r.updatedAt = :now, r.leaseOwner = NULL, r.leaseExpiresAt = NULL "
                        + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status = :running")
                .setParameter("status", status.name())
                .setParameter("output", outputJson)
                .setParameter("error", error)
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", lease.runId().value())
                .setParameter("epoch", lease.epoch())
                .setParameter("running", RUNNING)
                .executeUpdate());
        if (updated != 1) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
    }

    @Override
    public void release(Lease lease, Instant now) {
        read("releasing run " + lease.runId(), () -> entityManager()
                .createQuery("UPDATE RunEntity r SET r.leaseExpiresAt = :now "
                        + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status = :running")
                .setParameter("now", now.toEpochMilli())
                .setParameter("id", lease.runId().value())
                .setParameter("epoch", lease.epoch())
                .setParameter("running", RUNNING)
                .executeUpdate());
    }

    @Override
    public List<RunId> findClaimable(Instant now, int limit) {
        return read("finding claimable runs", () -> entityManager()
                .createQuery("SELECT r.id FROM RunEntity r WHERE r.status = :pending "
                        + "OR (r.status = :running AND r.leaseExpiresAt <= :now) ORDER BY r.createdAt", String.class)
                .setParameter("pending", PENDING)
                .setParameter("running", RUNNING)
                .setParameter("now", now.toEpochMilli())
                .setMaxResults(limit)
                .getResultStream().map(RunId::new).toList());
    }

    /**
     * Checks the epoch and locks the run row for the rest of the transaction, so a claim by another
     * node waits for this write or makes it fail.
     */
    private static void fence(EntityManager em, Lease lease, long at) {
        int updated;
        try {
            updated = em.createQuery("UPDATE RunEntity r SET r.updatedAt = :at "
                            + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status = :running")
                    .setParameter("at", at)
                    .setParameter("id", lease.runId().value())
                    .setParameter("epoch", lease.epoch())
                    .setParameter("running", RUNNING)
                    .executeUpdate();
        } catch (PersistenceException e) {
            throw new StoreException("checking the lease on run " + lease.runId(), e);
        }
        if (updated != 1) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
    }

    private static <T> T read(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw new StoreException(operation, e);
        }
    }
}
