package io.durable.jpa;

import io.durable.api.StoreException;
import io.durable.jpa.internal.LockEntity;
import io.durable.jpa.internal.Mapping;
import io.durable.jpa.internal.CallEntity;
import io.durable.jpa.internal.CounterEntity;
import io.durable.jpa.internal.RunEntity;
import io.durable.jpa.internal.StepEntity;
import io.durable.jpa.internal.StepLinkEntity;
import io.durable.jpa.internal.TrackingMapping;
import io.durable.jpa.internal.TrackingMapping.StepRef;
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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The {@link TrackingStore} on JPA, in persistence unit {@code durable}, over the engine's own rows:
 * a tracked job is a {@code durable_run} row of kind JOB, a step is a {@code durable_step} row (a
 * tracked one at a negative sequence), and calls, links and counters refer to them; the owner is the
 * run row's. Counters are one row per run and name, incremented with {@code value = value + delta}
 * after locking the run's row, so concurrent increments queue instead of being lost and a first
 * increment never races another's insert. Lock operations are meant to run in transactions of their own (the subclasses see to
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
        if (run.workflow()) {
            throw new IllegalArgumentException("run " + run.id() + " is a workflow run: the engine creates those");
        }
        EntityManager em = entityManager();
        work("creating tracked run " + run.id(), () -> {
            if (em.find(RunEntity.class, run.id()) != null) {
                throw new IllegalArgumentException("a run with id " + run.id() + " exists");
            }
            em.persist(TrackingMapping.toJob(run));
            em.flush();
            return null;
        });
    }

    @Override
    public Optional<TrackedRun> findRun(String id, String owner) {
        return work("reading run " + id, () -> ownedRun(id, owner, LockModeType.NONE)
                .map(e -> TrackingMapping.toTracked(e, counters(List.of(id)).getOrDefault(id, Map.of()))));
    }

    @Override
    public boolean updateRun(TrackedRun run) {
        // JPQL updates, not changes to managed entities: woven entities (in a server) track only the
        // changes made through their own methods
        return work("updating tracked run " + run.id(), () -> entityManager().createQuery(
                        "UPDATE RunEntity r SET r.status = :status, r.outputJson = :output, r.error = :error, "
                                + "r.startedAt = :started, r.finishedAt = :finished, r.updatedAt = :updated "
                                + "WHERE r.id = :id AND r.owner = :owner AND r.kind = :job")
                .setParameter("status", run.status().name())
                .setParameter("output", run.outputJson()).setParameter("error", run.error())
                .setParameter("started", Mapping.millis(run.startedAt()))
                .setParameter("finished", Mapping.millis(run.finishedAt()))
                .setParameter("updated", TrackingMapping.lastChange(run))
                .setParameter("id", run.id()).setParameter("owner", run.owner()).setParameter("job", RunEntity.JOB)
                .executeUpdate() > 0);
    }

    @Override
    public List<TrackedRun> listRuns(TrackedRunQuery query, String owner) {
        return work("listing runs", () -> {
            StringBuilder jpql = new StringBuilder("SELECT r FROM RunEntity r WHERE r.owner = :owner");
            if (query.runType() != null) {
                jpql.append(" AND r.workflowName = :type");
            }
            if (query.status() != null) {
                jpql.append(" AND r.status = :status");
            }
            jpql.append(" ORDER BY r.seq DESC");
            TypedQuery<RunEntity> q = entityManager().createQuery(jpql.toString(), RunEntity.class)
                    .setParameter("owner", owner).setMaxResults(query.limit());
            if (query.runType() != null) {
                q.setParameter("type", query.runType());
            }
            if (query.status() != null) {
                q.setParameter("status", query.status().name());
            }
            List<RunEntity> rows = q.getResultList();
            if (rows.isEmpty()) {
                return List.of();
            }
            Map<String, Map<String, Long>> counters = counters(rows.stream().map(TrackingMapping::id).toList());
            return rows.stream().map(e -> TrackingMapping.toTracked(e, counters.getOrDefault(TrackingMapping.id(e),
                    Map.of()))).toList();
        });
    }

    @Override
    public boolean incrementCounters(String runId, String owner, Map<String, Long> increments) {
        EntityManager em = entityManager();
        return work("incrementing the counters of run " + runId, () -> {
            // lock the run's row first: increments of one run queue here, so no two insert one counter
            if (ownedRun(runId, owner, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                return false;
            }
            for (Map.Entry<String, Long> increment : new TreeMap<>(increments).entrySet()) {
                int updated = em.createQuery("UPDATE CounterEntity c SET c.value = c.value + :delta "
                                + "WHERE c.runId = :run AND c.name = :name")
                        .setParameter("delta", increment.getValue()).setParameter("run", runId)
                        .setParameter("name", increment.getKey()).executeUpdate();
                if (updated == 0) {
                    em.persist(TrackingMapping.counter(runId, increment.getKey(), increment.getValue()));
                    em.flush();
                }
            }
            return true;
        });
    }

    @Override
    public boolean insertStep(TrackedStep step, String owner) {
        StepRef ref = TrackingMapping.step(step.id());
        if (ref == null || !ref.runId().equals(step.runId()) || !ref.stepKey().startsWith(TRACKED_KEY_PREFIX)) {
            throw new IllegalArgumentException("a tracked step's id comes from TrackingStore.newStepId, got " + step.id());
        }
        EntityManager em = entityManager();
        return work("creating tracked step " + step.id(), () -> {
            // the run's row lock orders the negative sequences of concurrent inserts
            if (ownedRun(step.runId(), owner, LockModeType.PESSIMISTIC_WRITE).isEmpty()) {
                return false;
            }
            if (stepRow(ref).isPresent()) {
                throw new IllegalArgumentException("a step with id " + step.id() + " exists");
            }
            Integer lowest = em.createQuery("SELECT MIN(s.sequence) FROM StepEntity s WHERE s.runId = :run "
                    + "AND s.sequence < 0", Integer.class).setParameter("run", ref.runId()).getSingleResult();
            em.persist(TrackingMapping.toEntity(step, ref, lowest == null ? -1 : lowest - 1));
            em.flush();
            return true;
        });
    }

    @Override
    public Optional<TrackedStep> findStep(String id, String owner) {
        return work("reading step " + id, () -> ownedStep(id, owner).map(TrackingMapping::toTracked));
    }

    @Override
    public boolean updateStep(TrackedStep step, String owner) {
        return work("updating step " + step.id(), () -> {
            StepRef ref = TrackingMapping.step(step.id());
            if (ref == null || ownedRun(ref.runId(), owner, LockModeType.NONE).isEmpty()) {
                return false;
            }
            EntityManager em = entityManager();
            int found = em.createQuery("UPDATE StepEntity s SET s.itemsTotal = :total, s.itemsProcessed = :processed, "
                            + "s.itemsSucceeded = :succeeded, s.itemsFailed = :failed "
                            + "WHERE s.runId = :run AND s.stepKey = :key")
                    .setParameter("total", step.progress().itemsTotal())
                    .setParameter("processed", step.progress().itemsProcessed())
                    .setParameter("succeeded", step.progress().itemsSucceeded())
                    .setParameter("failed", step.progress().itemsFailed())
                    .setParameter("run", ref.runId()).setParameter("key", ref.stepKey()).executeUpdate();
            // a journal entry's outcome is the engine's: only a tracked step (negative sequence) takes one here
            em.createQuery("UPDATE StepEntity s SET s.status = :status, s.resultJson = :output, s.error = :error, "
                            + "s.startedAt = :started, s.finishedAt = :finished "
                            + "WHERE s.runId = :run AND s.stepKey = :key AND s.sequence < 0")
                    .setParameter("status", step.status().name()).setParameter("output", step.outputJson())
                    .setParameter("error", step.error()).setParameter("started", Mapping.millis(step.startedAt()))
                    .setParameter("finished", Mapping.millis(step.finishedAt()))
                    .setParameter("run", ref.runId()).setParameter("key", ref.stepKey()).executeUpdate();
            return found > 0;
        });
    }

    @Override
    public List<TrackedStep> listSteps(String runId, String owner) {
        return work("listing the steps of run " + runId, () -> {
            if (ownedRun(runId, owner, LockModeType.NONE).isEmpty()) {
                return List.<TrackedStep>of();
            }
            return entityManager().createQuery("SELECT s FROM StepEntity s WHERE s.runId = :run", StepEntity.class)
                    .setParameter("run", runId).getResultList().stream()
                    .filter(e -> !TrackingMapping.isEngineEntry(e))
                    .sorted(Comparator.comparing((StepEntity e) -> TrackingMapping.toTracked(e).createdAt())
                            .thenComparing(e -> TrackingMapping.sequence(e) < 0)
                            .thenComparing(e -> Math.abs(TrackingMapping.sequence(e))))
                    .map(TrackingMapping::toTracked).toList();
        });
    }

    @Override
    public boolean insertCall(TrackedCall call, String owner) {
        EntityManager em = entityManager();
        return work("creating tracked call " + call.id(), () -> {
            StepRef ref = TrackingMapping.step(call.stepId());
            if (ref == null || ownedRun(ref.runId(), owner, LockModeType.NONE).isEmpty()) {
                return false;
            }
            em.persist(TrackingMapping.toEntity(call, ref));
            em.flush();
            return true;
        });
    }

    @Override
    public Optional<TrackedCall> findCall(String id, String owner) {
        return work("reading tracked call " + id, () -> ownedCall(id, owner).map(TrackingMapping::toTracked));
    }

    @Override
    public boolean updateCall(TrackedCall call, String owner) {
        return work("updating tracked call " + call.id(), () -> ownedCall(call.id(), owner).isPresent()
                && entityManager().createQuery(
                        "UPDATE CallEntity c SET c.status = :status, c.outputJson = :output, c.error = :error, "
                                + "c.finishedAt = :finished WHERE c.id = :id")
                .setParameter("status", call.status().name()).setParameter("output", call.outputJson())
                .setParameter("error", call.error()).setParameter("finished", Mapping.millis(call.finishedAt()))
                .setParameter("id", call.id()).executeUpdate() > 0);
    }

    @Override
    public List<TrackedCall> listCalls(String stepId, String owner) {
        return work("listing the calls of step " + stepId, () -> {
            StepRef ref = TrackingMapping.step(stepId);
            if (ref == null || ownedRun(ref.runId(), owner, LockModeType.NONE).isEmpty()) {
                return List.<TrackedCall>of();
            }
            return entityManager().createQuery("SELECT c FROM CallEntity c WHERE c.runId = :run AND c.stepKey = :key "
                            + "ORDER BY c.seq", CallEntity.class)
                    .setParameter("run", ref.runId()).setParameter("key", ref.stepKey()).getResultList().stream()
                    .map(TrackingMapping::toTracked).toList();
        });
    }

    @Override
    public boolean insertLink(String stepId, String owner, StepLink link) {
        EntityManager em = entityManager();
        return work("linking step " + stepId, () -> {
            if (ownedStep(stepId, owner).isEmpty()) {
                return false;
            }
            StepRef ref = TrackingMapping.step(stepId);
            long next = em.createQuery("SELECT COUNT(l) FROM StepLinkEntity l WHERE l.runId = :run AND l.stepKey = :key",
                    Long.class).setParameter("run", ref.runId()).setParameter("key", ref.stepKey()).getSingleResult();
            em.persist(TrackingMapping.toEntity(ref, next, link));
            em.flush();
            return true;
        });
    }

    @Override
    public List<StepLink> listLinks(String stepId, String owner) {
        return work("listing the links of step " + stepId, () -> {
            if (ownedStep(stepId, owner).isEmpty()) {
                return List.<StepLink>of();
            }
            StepRef ref = TrackingMapping.step(stepId);
            return entityManager().createQuery("SELECT l FROM StepLinkEntity l WHERE l.runId = :run "
                            + "AND l.stepKey = :key ORDER BY l.sequence, l.id", StepLinkEntity.class)
                    .setParameter("run", ref.runId()).setParameter("key", ref.stepKey()).getResultList().stream()
                    .map(TrackingMapping::toRecord).toList();
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
            if (Mapping.isDuplicateKey(e) || Mapping.isConflict(e)) {
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

    private Optional<RunEntity> ownedRun(String id, String owner, LockModeType lock) {
        RunEntity e = entityManager().find(RunEntity.class, id, lock);
        return Optional.ofNullable(e).filter(r -> TrackingMapping.owner(r).equals(owner));
    }

    private Optional<StepEntity> stepRow(StepRef ref) {
        return entityManager().createQuery("SELECT s FROM StepEntity s WHERE s.runId = :run AND s.stepKey = :key",
                        StepEntity.class).setParameter("run", ref.runId()).setParameter("key", ref.stepKey())
                .getResultList().stream().findFirst();
    }

    private Optional<StepEntity> ownedStep(String id, String owner) {
        StepRef ref = TrackingMapping.step(id);
        if (ref == null || ownedRun(ref.runId(), owner, LockModeType.NONE).isEmpty()) {
            return Optional.empty();
        }
        return stepRow(ref);
    }

    private Optional<CallEntity> ownedCall(String id, String owner) {
        return entityManager().createQuery("SELECT c FROM CallEntity c, RunEntity r WHERE c.id = :id "
                        + "AND r.id = c.runId AND r.owner = :owner", CallEntity.class)
                .setParameter("id", id).setParameter("owner", owner).getResultList().stream().findFirst();
    }

    private Map<String, Map<String, Long>> counters(List<String> runIds) {
        Map<String, Map<String, Long>> byRun = new HashMap<>();
        List<CounterEntity> rows = entityManager().createQuery(
                        "SELECT c FROM CounterEntity c WHERE c.runId IN :runs ORDER BY c.name", CounterEntity.class)
                .setParameter("runs", new ArrayList<>(runIds)).getResultList();
        for (CounterEntity row : rows) {
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
