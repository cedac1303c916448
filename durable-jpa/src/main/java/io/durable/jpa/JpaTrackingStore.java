package io.durable.jpa;

import io.durable.api.StoreException;
import io.durable.jpa.internal.LockEntity;
import io.durable.jpa.internal.Mapping;
import io.durable.jpa.internal.TrackCallEntity;
import io.durable.jpa.internal.TrackCounterEntity;
import io.durable.jpa.internal.TrackLinkEntity;
import io.durable.jpa.internal.TrackRunEntity;
import io.durable.jpa.internal.TrackStepEntity;
import io.durable.jpa.internal.TrackingMapping;
import io.durable.spi.TrackingStore;
import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.StepLink;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@link TrackingStore} on JPA, in persistence unit {@code durable}. Counters are one row per
 * run and name, incremented with {@code value = value + delta} after locking the run's row, so
 * concurrent increments queue instead of being lost and a first increment never races another's
 * insert. Lock operations are meant to run in transactions of their own (the subclasses see to
 * it): a lock must be visible to other nodes as soon as it is taken, not when the caller commits.
 */
public abstract class JpaTrackingStore implements TrackingStore {

    /**
     * The entity manager of the current transaction.
     *
     * @return the entity manager for persistence unit {@code durable}
     */
    protected abstract EntityManager entityManager();

    @Override
    public void insertRun(TrackedRun run) {
        EntityManager em = entityManager();
        work("creating tracked run " + run.id(), () -> {
            if (em.find(TrackRunEntity.class, run.id()) != null) {
                throw new IllegalArgumentException("a tracked run with id " + run.id() + " exists");
            }
            em.persist(TrackingMapping.toEntity(run));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<TrackedRun> findRun(String id, String owner) {
        return work("reading tracked run " + id, () -> ownedRun(id, owner, LockModeType.NONE)
                .map(e -> TrackingMapping.toRecord(e, counters(List.of(id)).getOrDefault(id, Map.of()))));
    }

    @Override
    public Optional<String> ownerOf(String id) {
        return work("reading the owner of tracked run " + id, () -> Optional.ofNullable(
                entityManager().find(TrackRunEntity.class, id)).map(TrackingMapping::owner));
    }

    @Override
    public boolean updateRun(TrackedRun run) {
        // JPQL updates, not changes to managed entities: woven entities (in a server) track only the
        // changes made through their own methods
        return work("updating tracked run " + run.id(), () -> entityManager().createQuery(
                        "UPDATE TrackRunEntity r SET r.runType = :type, r.trigger = :trigger, r.status = :status, "
                                + "r.inputJson = :input, r.outputJson = :output, r.error = :error, "
                                + "r.startedAt = :started, r.finishedAt = :finished WHERE r.id = :id AND r.owner = :owner")
                .setParameter("type", run.runType()).setParameter("trigger", run.trigger())
                .setParameter("status", run.status().name()).setParameter("input", run.inputJson())
                .setParameter("output", run.outputJson()).setParameter("error", run.error())
                .setParameter("started", Mapping.millis(run.startedAt()))
                .setParameter("finished", Mapping.millis(run.finishedAt()))
                .setParameter("id", run.id()).setParameter("owner", run.owner()).executeUpdate() > 0);
    }

    @Override
    public List<TrackedRun> listRuns(TrackedRunQuery query, String owner) {
        return work("listing tracked runs", () -> {
            StringBuilder jpql = new StringBuilder("SELECT r FROM TrackRunEntity r WHERE r.owner = :owner");
            if (query.runType() != null) {
                jpql.append(" AND r.runType = :type");
            }
            if (query.status() != null) {
                jpql.append(" AND r.status = :status");
            }
            jpql.append(" ORDER BY r.createdAt DESC, r.id DESC");
            TypedQuery<TrackRunEntity> q = entityManager().createQuery(jpql.toString(), TrackRunEntity.class)
                    .setParameter("owner", owner).setMaxResults(query.limit());
            if (query.runType() != null) {
                q.setParameter("type", query.runType());
            }
            if (query.status() != null) {
                q.setParameter("status", query.status().name());
            }
            List<TrackRunEntity> rows = q.getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, Map<String, Long>> counters = counters(rows.stream().map(TrackingMapping::id).toList());
            return rows.stream().map(e -> TrackingMapping.toRecord(e, counters.getOrDefault(TrackingMapping.id(e),
                    Map.of()))).toList();
        });
    }

    @Override
    public boolean incrementCounters(String runId, String owner, Map<String, Long> increments) {
        EntityManager em = entityManager();
        return work("incrementing the counters of tracked run " + runId, () -> {
            // lock the run's row first: increments of one run queue here, so no two insert one counter
            if (ownedRun(runId, owner, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                return false;
            }
            for (Map.Entry<String, Long> increment : new TreeMap<>(increments).entrySet()) {
                String id = TrackingMapping.counterId(runId, increment.getKey());
                int updated = em.createQuery("UPDATE TrackCounterEntity c SET c.value = c.value + :delta WHERE c.id = :id")
                        .setParameter("delta", increment.getValue()).setParameter("id", id).executeUpdate();
                if (updated == 0) {
                    em.persist(TrackingMapping.counter(runId, increment.getKey(), increment.getValue()));
                    em.flush();
                }
            }
            return true;
        });
    }

    @Override
    public void insertStep(TrackedStep step, String owner) {
        EntityManager em = entityManager();
        work("creating tracked step " + step.id(), () -> {
            if (em.find(TrackStepEntity.class, step.id()) != null) {
                throw new IllegalArgumentException("a tracked step with id " + step.id() + " exists");
            }
            em.persist(TrackingMapping.toEntity(step, owner));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<TrackedStep> findStep(String id, String owner) {
        return work("reading tracked step " + id, () -> ownedStep(id, owner).map(TrackingMapping::toRecord));
    }

    @Override
    public boolean updateStep(TrackedStep step, String owner) {
        return work("updating tracked step " + step.id(), () -> entityManager().createQuery(
                        "UPDATE TrackStepEntity s SET s.status = :status, s.itemsTotal = :total, s.itemsProcessed = :processed, "
                                + "s.itemsSucceeded = :succeeded, s.itemsFailed = :failed, s.outputJson = :output, "
                                + "s.error = :error, s.startedAt = :started, s.finishedAt = :finished "
                                + "WHERE s.id = :id AND s.owner = :owner")
                .setParameter("status", step.status().name()).setParameter("total", step.progress().itemsTotal())
                .setParameter("processed", step.progress().itemsProcessed())
                .setParameter("succeeded", step.progress().itemsSucceeded())
                .setParameter("failed", step.progress().itemsFailed()).setParameter("output", step.outputJson())
                .setParameter("error", step.error()).setParameter("started", Mapping.millis(step.startedAt()))
                .setParameter("finished", Mapping.millis(step.finishedAt()))
                .setParameter("id", step.id()).setParameter("owner", owner).executeUpdate() > 0);
    }

    @Override
    public List<TrackedStep> listSteps(String runId, String owner) {
        return work("listing the steps of tracked run " + runId, () -> entityManager().createQuery(
                        "SELECT s FROM TrackStepEntity s WHERE s.runId = :run AND s.owner = :owner "
                                + "ORDER BY s.createdAt, s.id", TrackStepEntity.class)
                .setParameter("run", runId).setParameter("owner", owner).getResultList().stream()
                .map(TrackingMapping::toRecord).toList());
    }

    @Override
    public void insertCall(TrackedCall call, String owner) {
        EntityManager em = entityManager();
        work("creating tracked call " + call.id(), () -> {
            em.persist(TrackingMapping.toEntity(call, owner));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<TrackedCall> findCall(String id, String owner) {
        return work("reading tracked call " + id, () -> ownedCall(id, owner).map(TrackingMapping::toRecord));
    }

    @Override
    public boolean updateCall(TrackedCall call, String owner) {
        return work("updating tracked call " + call.id(), () -> entityManager().createQuery(
                        "UPDATE TrackCallEntity c SET c.status = :status, c.outputJson = :output, c.error = :error, "
                                + "c.finishedAt = :finished WHERE c.id = :id AND c.owner = :owner")
                .setParameter("status", call.status().name()).setParameter("output", call.outputJson())
                .setParameter("error", call.error()).setParameter("finished", Mapping.millis(call.finishedAt()))
                .setParameter("id", call.id()).setParameter("owner", owner).executeUpdate() > 0);
    }

    @Override
    public List<TrackedCall> listCalls(String stepId, String owner) {
        return work("listing the calls of tracked step " + stepId, () -> entityManager().createQuery(
                        "SELECT c FROM TrackCallEntity c WHERE c.stepId = :step AND c.owner = :owner "
                                + "ORDER BY c.startedAt, c.id", TrackCallEntity.class)
                .setParameter("step", stepId).setParameter("owner", owner).getResultList().stream()
                .map(TrackingMapping::toRecord).toList());
    }

    @Override
    public boolean insertLink(String stepId, String owner, StepLink link) {
        EntityManager em = entityManager();
        return work("linking tracked step " + stepId, () -> {
            if (ownedStep(stepId, owner).isEmpty()) {
                return false;
            }
            long next = em.createQuery("SELECT COUNT(l) FROM TrackLinkEntity l WHERE l.stepId = :step", Long.class)
                    .setParameter("step", stepId).getSingleResult();
            em.persist(TrackingMapping.toEntity(stepId, next, link));
            em.flush();
            return true;
        });
    }

    @Override
    public List<StepLink> listLinks(String stepId, String owner) {
        return work("listing the links of tracked step " + stepId, () -> {
            if (ownedStep(stepId, owner).isEmpty()) {
                return List.<StepLink>of();
            }
            return entityManager().createQuery("SELECT l FROM TrackLinkEntity l WHERE l.stepId = :step "
                            + "ORDER BY l.sequence, l.id", TrackLinkEntity.class)
                    .setParameter("step", stepId).getResultList().stream().map(TrackingMapping::toRecord).toList();
        });
    }

    @Override
    public ResourceLock acquireLock(String resource, String holder, Instant now, Duration ttl) {
        EntityManager em = entityManager();
        long expires = now.plus(ttl).toEpochMilli();
        Optional<ResourceLock> taken = work("taking the lock on " + resource, () -> {
            // the holder renews its own lock; anyone takes an expired one
            int renewed = em.createQuery("UPDATE LockEntity l SET l.expiresAt = :expires "
                            + "WHERE l.resource = :resource AND l.holder = :holder")
                    .setParameter("expires", expires).setParameter("resource", resource).setParameter("holder", holder)
                    .executeUpdate();
            int takenOver = renewed > 0 ? 0 : em.createQuery("UPDATE LockEntity l SET l.holder = :holder, "
                            + "l.acquiredAt = :now, l.expiresAt = :expires WHERE l.resource = :resource AND l.expiresAt <= :now")
                    .setParameter("holder", holder).setParameter("now", now.toEpochMilli()).setParameter("expires", expires)
                    .setParameter("resource", resource).executeUpdate();
            if (renewed + takenOver > 0) {
                return lockOf(em, resource);
            }
            Optional<ResourceLock> current = lockOf(em, resource);
            if (current.isPresent()) {
                ResourceLock other = current.get();
                throw new ResourceLockedException(resource, other.holder(), other.expiresAt());
            }
            return Optional.<ResourceLock>empty();
        });
        if (taken.isPresent()) {
            return taken.get();
        }
        ResourceLock fresh = new ResourceLock(resource, holder, now, now.plus(ttl));
        try {
            em.persist(TrackingMapping.toEntity(fresh));
            em.flush();
            return fresh;
        } catch (PersistenceException e) {
            if (Mapping.isConstraintViolation(e) || Mapping.isConflict(e)) {
                // another holder inserted it at the same moment (a duplicate key, or on MariaDB a deadlock between
                // the two inserts' gap locks); its row is not readable in this transaction
                throw new ResourceLockedException(resource, "another holder (taken at the same moment)", now.plus(ttl));
            }
            throw new StoreException("taking the lock on " + resource, e);
        }
    }

    @Override
    public boolean renewLock(String resource, String holder, Instant now, Duration ttl) {
        return work("renewing the lock on " + resource, () -> entityManager().createQuery(
                        "UPDATE LockEntity l SET l.expiresAt = :expires WHERE l.resource = :resource AND l.holder = :holder")
                .setParameter("expires", now.plus(ttl).toEpochMilli()).setParameter("resource", resource)
                .setParameter("holder", holder).executeUpdate() > 0);
    }

    @Override
    public boolean releaseLock(String resource, String holder) {
        return work("releasing the lock on " + resource, () -> entityManager().createQuery(
                        "DELETE FROM LockEntity l WHERE l.resource = :resource AND l.holder = :holder")
                .setParameter("resource", resource).setParameter("holder", holder).executeUpdate() > 0);
    }

    @Override
    public Optional<ResourceLock> findLock(String resource) {
        return work("reading the lock on " + resource, () -> lockOf(entityManager(), resource));
    }

    private static Optional<ResourceLock> lockOf(EntityManager em, String resource) {
        return em.createQuery("SELECT l FROM LockEntity l WHERE l.resource = :resource", LockEntity.class)
                .setParameter("resource", resource).getResultList().stream().findFirst().map(TrackingMapping::toRecord);
    }

    private Optional<TrackRunEntity> ownedRun(String id, String owner, LockModeType lock) {
        TrackRunEntity e = entityManager().find(TrackRunEntity.class, id, lock);
        return Optional.ofNullable(e).filter(r -> TrackingMapping.owner(r).equals(owner));
    }

    private Optional<TrackStepEntity> ownedStep(String id, String owner) {
        return entityManager().createQuery("SELECT s FROM TrackStepEntity s WHERE s.id = :id AND s.owner = :owner",
                TrackStepEntity.class).setParameter("id", id).setParameter("owner", owner).getResultList().stream().findFirst();
    }

    private Optional<TrackCallEntity> ownedCall(String id, String owner) {
        return entityManager().createQuery("SELECT c FROM TrackCallEntity c WHERE c.id = :id AND c.owner = :owner",
                TrackCallEntity.class).setParameter("id", id).setParameter("owner", owner).getResultList().stream().findFirst();
    }

    private Map<String, Map<String, Long>> counters(List<String> runIds) {
        Map<String, Map<String, Long>> byRun = new HashMap<>();
        List<TrackCounterEntity> rows = entityManager().createQuery(
                        "SELECT c FROM TrackCounterEntity c WHERE c.runId IN :runs ORDER BY c.name", TrackCounterEntity.class)
                .setParameter("runs", new ArrayList<>(runIds)).getResultList();
        for (TrackCounterEntity row : rows) {
            byRun.computeIfAbsent(TrackingMapping.counterRun(row), k -> new LinkedHashMap<>())
                    .put(TrackingMapping.counterName(row), TrackingMapping.counterValue(row));
        }
        return byRun;
    }

    private static <T> T work(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw new StoreException(operation, e);
        }
    }
}
