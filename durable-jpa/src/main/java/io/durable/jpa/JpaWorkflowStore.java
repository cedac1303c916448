package io.durable.jpa;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalNotFoundException;
import io.durable.api.ApprovalStatus;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.LeaseLostException;
import io.durable.api.Limit;
import io.durable.api.OperatorAction;
import io.durable.api.RunFinishedException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalInfo;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.StoreException;
import io.durable.jpa.internal.ApprovalEntity;
import io.durable.jpa.internal.DatabaseTime;
import io.durable.jpa.internal.Dialect;
import io.durable.jpa.internal.DueRuns;
import io.durable.jpa.internal.FencedInsert;
import io.durable.jpa.internal.Mapping;
import io.durable.jpa.internal.NativeUpdate;
import io.durable.jpa.internal.RunEntity;
import io.durable.jpa.internal.RunFilterQuery;
import io.durable.jpa.internal.RunEnds;
import io.durable.jpa.internal.RunInsert;
import io.durable.jpa.internal.RunVitalsQuery;
import io.durable.jpa.internal.SignalEntity;
import io.durable.jpa.internal.StepEntity;
import io.durable.spi.ApprovalRules;
import io.durable.spi.JournalConflictException;
import io.durable.spi.LeasedStep;
import io.durable.spi.Lease;
import io.durable.spi.LeaseState;
import io.durable.spi.NewRun;
import io.durable.spi.NewSignal;
import io.durable.spi.Park;
import io.durable.spi.RecoverySweep;
import io.durable.spi.RunCursor;
import io.durable.spi.RunEnd;
import io.durable.spi.RunFilter;
import io.durable.spi.RunStart;
import io.durable.spi.RunVitals;
import io.durable.spi.StoredRun;
import io.durable.spi.StoreFailure;
import io.durable.spi.StoreLimits;
import io.durable.spi.StoredSignal;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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
    private static final String SUSPENDED = RunStatus.SUSPENDED.name();
    private static final String COMPENSATING = RunStatus.COMPENSATING.name();
    private static final String BLOCKED = RunStatus.BLOCKED.name();
    private static final List<String> ACTIVE = List.of(PENDING, RUNNING, SUSPENDED, COMPENSATING, BLOCKED);
    private static final List<String> LEASED = List.of(RUNNING, COMPENSATING);

    private final Dialect.Cached dialect = new Dialect.Cached();
    private final DueRuns dueRuns = new DueRuns(dialect);
    private final DatabaseTime databaseTime = new DatabaseTime(dialect);
    private final RunVitalsQuery runVitals = new RunVitalsQuery();

    /**
     * The entity manager of the current transaction.
     *
     * @return the entity manager for persistence unit {@code durable}
     */
    protected abstract EntityManager entityManager();

    /**
     * The data source of the store's tables for writes that commit on their own
     * ({@link #appendStepCommitted}, {@link #insertRunCommitted}, {@link #finishRunCommitted}):
     * connections taken from it outside any transaction, in auto-commit mode, each returned after one
     * statement.
     *
     * @return the data source, or {@code null} (the default) when there is none: those writes then
     *     run in a transaction of their own
     */
    protected DataSource autoCommitDataSource() {
        return null;
    }

    @Override
    public Instant databaseTime() {
        return read("reading the database's time", () -> databaseTime.now(entityManager()));
    }

    @Override
    public void ping(Duration timeout) {
        read("checking that the database answers", () -> databaseTime.now(entityManager(), timeout));
    }

    @Override
    public Optional<RunVitals> vitals(Instant now, Instant stuckBefore, int cap) {
        return Optional.of(read("counting unfinished runs", () -> runVitals.count(entityManager(), now, stuckBefore, cap)));
    }

    @Override
    public RunInfo createRun(NewRun run, ConflictPolicy policy, Instant now) {
        StoreLimits.check(run);
        EntityManager em = entityManager();
        try {
            Optional<RunInfo> existing = findRun(run.workflowName(), run.instanceId());
            if (existing.isPresent()) {
                RunInfo old = existing.get();
                switch (policy) {
                    case FAIL -> throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), old.id().value());
                    case USE_EXISTING -> {
                        return old;
                    }
                    case TERMINATE_EXISTING -> terminate(em, old, run, now);
                }
            }
            RunEntity entity = Mapping.toEntity(run);
            em.persist(entity);
            em.flush();
            return Mapping.toInfo(entity);
        } catch (PersistenceException e) {
            // a start of the same instance id won the unique key, or (MariaDB) the two deadlocked on it
            if (Mapping.isDuplicateKey(e) || Mapping.isConflict(e)) {
                throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
            }
            throw StoreFailure.toException("creating run " + run.id(), e);
        }
    }

    @Override
    public StoredRun insertRun(NewRun run, String leaseOwner, Instant leaseExpiresAt) {
        StoreLimits.check(run);
        RunEntity entity = Mapping.toEntity(run);
        if (leaseOwner != null) {
            entity.lease(leaseOwner, 1, leaseExpiresAt.toEpochMilli());
        }
        try {
            EntityManager em = entityManager();
            Dialect known = dialect.get(em);
            if (known == Dialect.OTHER) {
                em.persist(entity);
                em.flush();
            } else {
                RunInsert.insert(em, known, entity);
            }
            return Mapping.toStored(entity);
        } catch (PersistenceException e) {
            if (Mapping.isDuplicateKey(e) || Mapping.isConflict(e)) {
                throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
            }
            throw StoreFailure.toException("creating run " + run.id(), e);
        }
    }

    /** One auto-committed {@link RunInsert} where the store can, else {@link #insertRun} in a new transaction. */
    @Override
    public StoredRun insertRunCommitted(NewRun run, String leaseOwner, Instant leaseExpiresAt,
                                        TransactionRunner transactions) throws Exception {
        StoreLimits.check(run);
        RunEntity entity = Mapping.toEntity(run);
        if (leaseOwner != null) {
            entity.lease(leaseOwner, 1, leaseExpiresAt.toEpochMilli());
        }
        try {
            if (autoCommitted((connection, known) -> RunInsert.insert(connection, known, entity))) {
                return Mapping.toStored(entity);
            }
        } catch (SQLException e) {
            if (Mapping.isDuplicateKey(e) || Mapping.isConflict(e)) {
                throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
            }
            throw StoreFailure.toException("creating run " + run.id(), e);
        }
        return WorkflowStore.super.insertRunCommitted(run, leaseOwner, leaseExpiresAt, transactions);
    }

    /**
     * On PostgreSQL one auto-committed insert for the batch ({@link RunInsert#insertAll}: one array per
     * column, a taken instance id left out); elsewhere the default.
     */
    @Override
    public List<StoredRun> insertRunsCommitted(List<RunStart> starts, TransactionRunner transactions)
            throws Exception {
        List<RunEntity> entities = new ArrayList<>(starts.size());
        for (RunStart start : starts) {
            StoreLimits.check(start.run());
            RunEntity entity = Mapping.toEntity(start.run());
            if (start.leaseOwner() != null) {
                entity.lease(start.leaseOwner(), 1, start.leaseExpiresAt().toEpochMilli());
            }
            entities.add(entity);
        }
        try {
            boolean[] inserted = onPostgres(connection -> RunInsert.insertAll(connection, entities));
            if (inserted != null) {
                List<StoredRun> stored = new ArrayList<>(entities.size());
                for (int i = 0; i < entities.size(); i++) {
                    stored.add(inserted[i] ? Mapping.toStored(entities.get(i)) : null);
                }
                return stored;
            }
        } catch (SQLException e) {
            throw StoreFailure.toException("creating a batch of " + starts.size() + " runs", e);
        }
        return WorkflowStore.super.insertRunsCommitted(starts, transactions);
    }

    private static void terminate(EntityManager em, RunInfo old, NewRun run, Instant now) {
        OperatorAction action = new OperatorAction(OperatorAction.Kind.CANCEL, "engine",
                Limit.REASON.fit(
                "terminated by a new start of instance " + run.instanceId() + " (run " + run.id() + ")"), now);
        if (!old.status().isTerminal()) {
            cancelUpdate(em, old.id(), action).executeUpdate();
        }
        em.createQuery("UPDATE RunEntity r SET r.instanceKey = NULL WHERE r.id = :id")
                .setParameter("id", old.id().value()).executeUpdate();
    }

    @Override
    public Optional<StoredRun> findRun(RunId id) {
        return read("reading run " + id, () -> Optional.ofNullable(entityManager().find(RunEntity.class, id.value()))
                .map(Mapping::toStored));
    }

    @Override
    public Optional<RunInfo> findRun(String workflowName, String instanceId) {
        return read("reading run " + workflowName + "/" + instanceId, () -> entityManager()
                .createQuery("SELECT r FROM RunEntity r WHERE r.workflowName = :w AND r.instanceKey = :i", RunEntity.class)
                .setParameter("w", workflowName)
                .setParameter("i", instanceId)
                .getResultStream().findFirst().map(Mapping::toInfo));
    }

    @Override
    public List<RunInfo> listRuns(RunQuery query) {
        return read("listing runs", () -> new RunFilterQuery(RunFilter.of(query), null)
                .runs(entityManager(), "r.seq DESC")
                .setMaxResults(query.limit())
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public List<RunInfo> pageRuns(RunFilter filter, RunCursor after, int limit) {
        return read("reading a page of runs", () -> new RunFilterQuery(filter, after)
                .runs(entityManager(), "r.createdAt DESC, r.id DESC")
                .setMaxResults(limit)
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public Map<RunStatus, Long> countRuns(RunFilter filter) {
        return read("counting runs", () -> {
            Map<RunStatus, Long> counts = new EnumMap<>(RunStatus.class);
            for (Object[] row : new RunFilterQuery(filter, null).countsByStatus(entityManager()).getResultList()) {
                counts.put(RunStatus.valueOf((String) row[0]), ((Number) row[1]).longValue());
            }
            return counts;
        });
    }

    @Override
    public List<StepInfo> loadJournal(RunId id) {
        return read("loading the journal of run " + id, () -> entityManager()
                .createQuery("SELECT s FROM StepEntity s WHERE s.runId = :id AND s.sequence >= 0 ORDER BY s.sequence",
                        StepEntity.class)
                .setParameter("id", id.value())
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public List<StepInfo> loadJournal(RunId id, int fromSequence, int limit) {
        return read("loading a page of the journal of run " + id, () -> entityManager()
                .createQuery("SELECT s FROM StepEntity s WHERE s.runId = :id AND s.sequence >= :from "
                        + "ORDER BY s.sequence", StepEntity.class)
                .setParameter("id", id.value())
                .setParameter("from", Math.max(0, fromSequence))
                .setMaxResults(limit)
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public List<SignalInfo> listSignals(RunId id, int limit) {
        return read("listing the signals of run " + id, () -> entityManager()
                .createQuery("SELECT s FROM SignalEntity s WHERE s.runId = :id ORDER BY s.seq", SignalEntity.class)
                .setParameter("id", id.value())
                .setMaxResults(limit)
                .getResultStream().map(Mapping::toInfo).toList());
    }

    @Override
    public Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration) {
        return read("claiming run " + id, () -> {
            EntityManager em = entityManager();
            List<Object[]> rows = em.createQuery("SELECT r.leaseEpoch, r.status FROM RunEntity r WHERE r.id = :id",
                            Object[].class)
                    .setParameter("id", id.value()).getResultList();
            if (rows.isEmpty()) {
                return Optional.empty();
            }
            return take(em, id, ((Number) rows.get(0)[0]).longValue(), (String) rows.get(0)[1], owner, now,
                    leaseDuration, null, true);
        });
    }

    /**
     * The conditional update behind every claim: it succeeds only while the run is claimable at that
     * epoch and status. With {@code wakeDue}, a parked run must also be due (its wake time passed); the
     * sweep, which found a signalled run through its signal, claims without that condition. A
     * COMPENSATING run stays COMPENSATING; every other claimed run becomes RUNNING. A stale run (one
     * whose row has not changed since {@code staleBefore}) had its journal checked when the sweep found it
     * ({@link DueRuns}): a JPQL subquery here is not translated faithfully by EclipseLink.
     */
    private static Optional<Lease> take(EntityManager em, RunId id, long epoch, String seenStatus, String owner,
                                        Instant now, Duration leaseDuration, Instant staleBefore, boolean wakeDue) {
        Instant expiry = now.plus(leaseDuration);
        int updated = em.createQuery("UPDATE RunEntity r SET r.status = :target, r.leaseOwner = :owner, "
                        + "r.leaseEpoch = :next, r.leaseExpiresAt = :expiry, r.updatedAt = :now, r.wakeAt = NULL, "
                        + "r.waitingFor = NULL, r.awaitedSignal = NULL "
                        + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status = :seen AND r.kind = :workflow "
                        + "AND ((r.status = :pending AND r.paused = FALSE) "
                        + "OR (r.status = :suspended AND r.paused = FALSE"
                        + (wakeDue ? " AND r.wakeAt <= :now)" : ")")
                        + " OR (r.status IN :leased AND (r.leaseExpiresAt <= :now OR r.updatedAt <= :stale)))")
                .setParameter("target", COMPENSATING.equals(seenStatus) ? COMPENSATING : RUNNING)
                .setParameter("seen", seenStatus)
                .setParameter("workflow", RunEntity.WORKFLOW)
                .setParameter("leased", LEASED)
                .setParameter("pending", PENDING)
                .setParameter("suspended", SUSPENDED)
                .setParameter("owner", owner)
                .setParameter("next", epoch + 1)
                .setParameter("expiry", expiry.toEpochMilli())
                .setParameter("now", now.toEpochMilli())
                .setParameter("stale", staleBefore == null ? Long.MIN_VALUE : staleBefore.toEpochMilli())
                .setParameter("id", id.value())
                .setParameter("epoch", epoch)
                .executeUpdate();
        return updated == 1 ? Optional.of(new Lease(id, owner, epoch + 1, expiry)) : Optional.empty();
    }

    @Override
    public List<Lease> claimDue(String owner, Instant now, Duration leaseDuration, int limit, Instant staleBefore) {
        return read("claiming due runs", () -> {
            EntityManager em = entityManager();
            List<Lease> leases = new ArrayList<>();
            for (DueRuns.Candidate candidate : dueRuns.find(em, now, limit, staleBefore)) {
                take(em, new RunId(candidate.id()), candidate.epoch(), candidate.status(), owner, now, leaseDuration,
                        staleBefore, false)
                        .ifPresent(leases::add);
            }
            return leases;
        });
    }

    @Override
    public List<RecoverySweep.Wake> upcomingWakes(int limit) {
        return read("reading upcoming wake-ups", () -> entityManager()
                .createQuery("SELECT r.id, r.wakeAt FROM RunEntity r WHERE r.status = :suspended "
                        + "AND r.paused = FALSE AND r.wakeAt IS NOT NULL ORDER BY r.wakeAt", Object[].class)
                .setParameter("suspended", SUSPENDED)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> new RecoverySweep.Wake(new RunId((String) row[0]), Instant.ofEpochMilli((Long) row[1])))
                .toList());
    }

    @Override
    public LeaseState renew(Lease lease, Instant expiresAt) {
        return read("renewing the lease on run " + lease.runId(), () -> {
            for (boolean paused : new boolean[]{false, true}) {
                int updated = entityManager()
                        .createQuery("UPDATE RunEntity r SET r.leaseExpiresAt = :expiry "
                                + "WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status IN :leased AND r.paused = :paused")
                        .setParameter("expiry", expiresAt.toEpochMilli())
                        .setParameter("id", lease.runId().value())
                        .setParameter("epoch", lease.epoch())
                        .setParameter("leased", LEASED)
                        .setParameter("paused", paused)
                        .executeUpdate();
                if (updated == 1) {
                    return paused ? LeaseState.HELD_PAUSED : LeaseState.HELD;
                }
            }
            return LeaseState.LOST;
        });
    }

    @Override
    public void appendStep(Lease lease, StepInfo step) {
        StoreLimits.check(step);
        writeStep(entityManager(), lease, step);
    }

    /**
     * Sends the entry as one auto-committed fenced statement ({@link FencedInsert}) on a connection of
     * {@link #autoCommitDataSource()}: one round trip. Without that data source, or on a database whose
     * locking clause the store does not know, it runs {@link #appendStep} in a new transaction.
     */
    @Override
    public void appendStepCommitted(Lease lease, StepInfo step, TransactionRunner transactions) throws Exception {
        StoreLimits.check(step);
        try {
            if (autoCommitted((connection, known) ->
                    requireLease(lease, FencedInsert.insert(connection, known, lease, step) ? 1 : 0))) {
                return;
            }
        } catch (SQLException e) {
            throw journalFailure(lease, step, e);
        }
        WorkflowStore.super.appendStepCommitted(lease, step, transactions);
    }

    /** One statement on an auto-committing connection, given the database's dialect. */
    private interface AutoCommitted {
        void run(Connection connection, Dialect dialect) throws SQLException;
    }

    /**
     * Runs the statement on a connection of {@link #autoCommitDataSource()} in auto-commit mode, unless
     * there is no such data source or the database is one the store writes standard SQL only for.
     *
     * @return whether it ran (false: the caller writes in a transaction instead)
     * @throws SQLException as the database refused the statement or failed
     */
    private boolean autoCommitted(AutoCommitted statement) throws SQLException {
        DataSource source = autoCommitDataSource();
        if (source == null || dialect.cached() == Dialect.OTHER) {
            return false;
        }
        try (Connection connection = source.getConnection()) {
            Dialect known = dialect.get(connection);
            if (known == Dialect.OTHER) {
                return false;
            }
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            statement.run(connection, known);
            return true;
        }
    }

    /** A batch statement written for PostgreSQL. */
    private interface OnPostgres<T> {
        T run(Connection connection) throws SQLException;
    }

    /**
     * Runs a batch statement written for PostgreSQL on an auto-committing connection of
     * {@link #autoCommitDataSource()}.
     *
     * @return what it returned, or {@code null} when the database is another one or there is no such
     *     data source (the caller then writes another way)
     * @throws SQLException as the database refused the statement or failed
     */
    private <T> T onPostgres(OnPostgres<T> statement) throws SQLException {
        Dialect known = dialect.cached();
        if (known != null && known != Dialect.POSTGRESQL) {
            return null;
        }
        List<T> result = new ArrayList<>(1);
        autoCommitted((connection, found) -> {
            if (found == Dialect.POSTGRESQL) {
                result.add(statement.run(connection));
            }
        });
        return result.isEmpty() ? null : result.get(0);
    }

    @Override
    public boolean[] appendSteps(List<LeasedStep> entries) {
        entries.forEach(entry -> StoreLimits.check(entry.step()));
        EntityManager em = entityManager();
        Dialect known = read("checking the database", () -> dialect.get(em));
        if (known.shareLock() == null) {
            return WorkflowStore.super.appendSteps(entries);
        }
        try {
            return FencedInsert.insertAll(em, known, entries);
        } catch (PersistenceException e) {
            throw journalFailure(entries.get(0).lease(), entries.get(0).step(), e);
        }
    }

    /**
     * On PostgreSQL sends the batch as one auto-committed fenced statement
     * ({@link FencedInsert#insertAll(Connection, List)}) on a connection of
     * {@link #autoCommitDataSource()}: one round trip for all the entries. Elsewhere, or without that
     * data source, it runs {@link #appendSteps} in a new transaction.
     */
    @Override
    public boolean[] appendStepsCommitted(List<LeasedStep> entries, TransactionRunner transactions)
            throws Exception {
        entries.forEach(entry -> StoreLimits.check(entry.step()));
        try {
            boolean[] written = onPostgres(connection -> FencedInsert.insertAll(connection, entries));
            if (written != null) {
                return written;
            }
        } catch (SQLException e) {
            if (Mapping.isDuplicateKey(e)) {
                throw new JournalConflictException(entries.get(0).lease().runId().value(),
                        "one of the " + entries.size() + " entries of the batch", e);
            }
            throw StoreFailure.toException("journaling a batch of " + entries.size() + " entries", e);
        }
        return WorkflowStore.super.appendStepsCommitted(entries, transactions);
    }

    /**
     * Journals an entry while the lease holds: in one fenced statement where the dialect knows how
     * ({@link FencedInsert}), else a lease check that updates the run row, then the insert.
     */
    private void writeStep(EntityManager em, Lease lease, StepInfo step) {
        Dialect known = read("checking the database", () -> dialect.get(em));
        if (known.shareLock() == null) {
            fence(em, lease, stepTime(lease, step));
            persistStep(em, lease, step);
            return;
        }
        try {
            requireLease(lease, FencedInsert.insert(em, known, lease, step) ? 1 : 0);
        } catch (PersistenceException e) {
            throw journalFailure(lease, step, e);
        }
    }

    private static void persistStep(EntityManager em, Lease lease, StepInfo step) {
        try {
            em.persist(Mapping.toEntity(lease.runId(), step));
            em.flush();
        } catch (PersistenceException e) {
            throw journalFailure(lease, step, e);
        }
    }

    private static RuntimeException journalFailure(Lease lease, StepInfo step, Exception e) {
        if (Mapping.isDuplicateKey(e)) {
            return new JournalConflictException(lease.runId().value(), step.stepKey(), e);
        }
        return StoreFailure.toException("journaling step " + step.stepKey() + " of run " + lease.runId(), e);
    }

    private static long stepTime(Lease lease, StepInfo step) {
        return step.finishedAt() != null ? step.finishedAt().toEpochMilli() : lease.expiresAt().toEpochMilli();
    }

    @Override
    public void replaceStep(Lease lease, StepInfo step) {
        StoreLimits.check(step);
        EntityManager em = entityManager();
        fence(em, lease, stepTime(lease, step));
        int updated = read("journaling step " + step.stepKey() + " of run " + lease.runId(), () -> em
                .createQuery("UPDATE StepEntity s SET s.status = :status, s.attempt = :attempt, s.resultJson = :result, "
                        + "s.errorType = :errorType, s.error = :error, s.finishedAt = :finished "
                        + "WHERE s.runId = :run AND s.sequence = :seq AND s.stepKey = :key AND s.status IN :open")
                .setParameter("status", step.status().name())
                .setParameter("attempt", step.attempt())
                .setParameter("result", step.resultJson())
                .setParameter("errorType", step.errorType())
                .setParameter("error", step.error())
                .setParameter("finished", Mapping.millis(step.finishedAt()))
                .setParameter("run", lease.runId().value())
                .setParameter("seq", step.sequence())
                .setParameter("key", step.stepKey())
                .setParameter("open", List.of(StepStatus.RETRYING.name(), StepStatus.RUNNING.name()))
                .executeUpdate());
        if (updated != 1) {
            throw new JournalConflictException(lease.runId().value(), step.stepKey(), null);
        }
    }

    @Override
    public Instant park(Lease lease, Park park, Instant now) {
        StoreLimits.check(park);
        EntityManager em = entityManager();
        requireLease(lease, read("parking run " + lease.runId(), () -> whileHeld(em, lease,
                "r.status = :suspended, r.leaseOwner = NULL, r.leaseExpiresAt = NULL, r.wakeAt = :wake, "
                        + "r.waitingFor = :waitingFor, r.awaitedSignal = :signal, r.updatedAt = :now")
                .setParameter("suspended", SUSPENDED)
                .setParameter("wake", Mapping.millis(park.wakeAt()))
                .setParameter("waitingFor", park.waitingFor())
                .setParameter("signal", park.awaitedSignal())
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
        if (park.awaitedSignal() != null && nextSignal(lease.runId(), park.awaitedSignal()).isPresent()) {
            em.createQuery("UPDATE RunEntity r SET r.wakeAt = :now WHERE r.id = :id")
                    .setParameter("now", now.toEpochMilli())
                    .setParameter("id", lease.runId().value())
                    .executeUpdate();
            return now;
        }
        return park.wakeAt();
    }

    @Override
    public SignalReceipt sendSignal(NewSignal signal) {
        StoreLimits.check(signal);
        EntityManager em = entityManager();
        return read("sending signal " + signal.name() + " to run " + signal.runId(), () -> {
            Optional<Object[]> stored = em.createQuery("SELECT r.status, r.awaitedSignal FROM RunEntity r WHERE r.id = :id",
                            Object[].class)
                    .setParameter("id", signal.runId().value())
                    .getResultStream().findFirst();
            if (stored.isEmpty()) {
                throw new RunNotFoundException(signal.runId().value());
            }
            if (signal.idempotencyKey() != null) {
                Optional<String> earlier = em.createQuery("SELECT s.id FROM SignalEntity s "
                                + "WHERE s.runId = :run AND s.idempotencyKey = :key", String.class)
                        .setParameter("run", signal.runId().value())
                        .setParameter("key", signal.idempotencyKey())
                        .getResultStream().findFirst();
                if (earlier.isPresent()) {
                    return new SignalReceipt(earlier.get(), true);
                }
            }
            RunStatus status = RunStatus.valueOf((String) stored.get()[0]);
            String awaited = (String) stored.get()[1];
            if (status.isTerminal()) {
                throw new RunFinishedException(signal.runId().value(), status, "the signal '" + signal.name() + "'");
            }
            try {
                em.persist(Mapping.toEntity(signal));
                em.flush();
            } catch (PersistenceException e) {
                if (Mapping.isDuplicateKey(e)) {
                    throw new StoreException("sending signal " + signal.name() + " to run " + signal.runId()
                            + ": another send with idempotency key '" + signal.idempotencyKey()
                            + "' raced with this one; retry the send (it will be recognised as a duplicate)", e);
                }
                throw e;
            }
            if (status == RunStatus.SUSPENDED && Park.wakes(awaited, signal.name())) {
                // a run parking concurrently is found by its park's own check or by the sweep
                em.createQuery("UPDATE RunEntity r SET r.wakeAt = :now "
                                + "WHERE r.id = :id AND r.status = :suspended AND r.awaitedSignal = :awaited")
                        .setParameter("now", signal.sentAt().toEpochMilli())
                        .setParameter("id", signal.runId().value())
                        .setParameter("suspended", SUSPENDED)
                        .setParameter("awaited", awaited)
                        .executeUpdate();
            }
            return new SignalReceipt(signal.id(), false);
        });
    }

    @Override
    public Optional<StoredSignal> nextSignal(RunId runId, String name) {
        boolean any = Park.ANY_SIGNAL.equals(name);
        return read("reading signals of run " + runId, () -> {
            TypedQuery<SignalEntity> query = entityManager()
                    .createQuery("SELECT s FROM SignalEntity s WHERE s.runId = :run" + (any ? "" : " AND s.name IN :names")
                            + " AND s.consumed = FALSE ORDER BY s.seq", SignalEntity.class)
                    .setParameter("run", runId.value());
            if (!any) {
                query.setParameter("names", Park.names(name));
            }
            return query.setMaxResults(1).getResultStream().findFirst().map(Mapping::toStored);
        });
    }

    @Override
    public void consumeSignal(Lease lease, String signalId, StepInfo entry) {
        StoreLimits.check(entry);
        EntityManager em = entityManager();
        writeStep(em, lease, entry);
        int updated = read("consuming signal " + signalId, () -> em
                .createQuery("UPDATE SignalEntity s SET s.consumed = TRUE, s.consumedAt = :at "
                        + "WHERE s.id = :id AND s.runId = :run AND s.consumed = FALSE")
                .setParameter("at", stepTime(lease, entry))
                .setParameter("id", signalId)
                .setParameter("run", lease.runId().value())
                .executeUpdate());
        if (updated != 1) {
            throw new JournalConflictException(lease.runId().value(), entry.stepKey(), null);
        }
    }

    @Override
    public RunInfo control(RunId runId, OperatorAction action) {
        StoreLimits.check(action);
        EntityManager em = entityManager();
        return read("applying " + action.kind() + " to run " + runId, () -> {
            Query update = switch (action.kind()) {
                case PAUSE -> actionUpdate(em, "r.paused = TRUE", "AND r.paused = FALSE", action);
                case UNPAUSE -> actionUpdate(em, "r.paused = FALSE", "AND r.paused = TRUE", action);
                case CANCEL -> cancelUpdate(em, runId, action);
                case RETRY -> actionUpdate(em, "r.status = :pending, r.recoveryAttempts = 0, r.error = NULL",
                        "AND r.status = :blocked", action).setParameter("pending", PENDING).setParameter("blocked", BLOCKED);
            };
            int updated = update.setParameter("id", runId.value()).executeUpdate();
            if (updated != 1) {
                throw refusal(em, runId, action);
            }
            if (action.kind() == OperatorAction.Kind.UNPAUSE) {
                em.createQuery("UPDATE RunEntity r SET r.wakeAt = :now WHERE r.id = :id AND r.status = :suspended "
                                + "AND r.wakeAt IS NULL AND r.awaitedSignal IS NULL")
                        .setParameter("now", action.at().toEpochMilli())
                        .setParameter("id", runId.value())
                        .setParameter("suspended", SUSPENDED)
                        .executeUpdate();
            }
            return Mapping.toInfo(em.find(RunEntity.class, runId.value()));
        });
    }

    private static Query actionUpdate(EntityManager em, String set, String condition, OperatorAction action) {
        return em.createQuery("UPDATE RunEntity r SET " + set + ", r.actionKind = :kind, r.actionActor = :actor, "
                        + "r.actionReason = :reason, r.actionAt = :at, r.updatedAt = :at "
                        + "WHERE r.id = :id AND r.status IN :active " + condition)
                .setParameter("kind", action.kind().name())
                .setParameter("actor", action.actor())
                .setParameter("reason", action.reason())
                .setParameter("at", action.at().toEpochMilli())
                .setParameter("active", ACTIVE);
    }

    private static Query cancelUpdate(EntityManager em, RunId runId, OperatorAction action) {
        return em.createQuery("UPDATE RunEntity r SET r.status = :cancelled, r.error = :error, r.finishedAt = :at, "
                        + "r.updatedAt = :at, r.leaseOwner = NULL, r.leaseExpiresAt = NULL, r.wakeAt = NULL, "
                        + "r.waitingFor = NULL, r.awaitedSignal = NULL, r.actionKind = :kind, r.actionActor = :actor, "
                        + "r.actionReason = :reason, r.actionAt = :at WHERE r.id = :id AND r.status IN :active")
                .setParameter("cancelled", RunStatus.CANCELLED.name())
                .setParameter("error", "Cancelled by " + action.actor()
                        + (action.reason().isEmpty() ? "" : ": " + action.reason()))
                .setParameter("kind", action.kind().name())
                .setParameter("actor", action.actor())
                .setParameter("reason", action.reason())
                .setParameter("at", action.at().toEpochMilli())
                .setParameter("active", ACTIVE)
                .setParameter("id", runId.value());
    }

    private static RuntimeException refusal(EntityManager em, RunId runId, OperatorAction action) {
        RunEntity run = em.find(RunEntity.class, runId.value());
        if (run == null) {
            return new RunNotFoundException(runId.value());
        }
        RunInfo info = Mapping.toInfo(run);
        if (info.status().isTerminal()) {
            return new RunFinishedException(runId.value(), info.status(),
                    "a " + action.kind() + " by " + action.actor());
        }
        return new IllegalTransitionException(runId.value(), info.status(),
                action.kind() == OperatorAction.Kind.RETRY ? "only a BLOCKED run is retried"
                        : info.paused() ? "it is paused already" : "it is not paused");
    }

    @Override
    public void finishRun(Lease lease, RunStatus status, String outputJson, String error, Instant now) {
        checkFinish(status, outputJson, error);
        requireLease(lease, read("finishing run " + lease.runId(), () -> whileHeld(entityManager(), lease,
                "r.status = :status, r.outputJson = :output, r.error = :error, r.finishedAt = :now, r.updatedAt = :now, "
                        + "r.leaseOwner = NULL, r.leaseExpiresAt = NULL")
                .setParameter("status", status.name())
                .setParameter("output", outputJson)
                .setParameter("error", error)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
    }

    private static void checkFinish(RunStatus status, String outputJson, String error) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run finishes COMPLETED, FAILED or CANCELLED, not " + status);
        }
        StoreLimits.checkFinish(outputJson, error);
    }

    /** One auto-committed update where the store can, else {@link #finishRun} in a new transaction. */
    @Override
    public void finishRunCommitted(Lease lease, RunStatus status, String outputJson, String error, Instant now,
                                   TransactionRunner transactions) throws Exception {
        checkFinish(status, outputJson, error);
        List<Object> parameters = new ArrayList<>(List.of(status.name()));
        parameters.add(outputJson);
        parameters.add(error);
        parameters.add(now.toEpochMilli());
        parameters.add(now.toEpochMilli());
        parameters.add(lease.runId().value());
        parameters.add(lease.epoch());
        parameters.addAll(LEASED);
        try {
            if (autoCommitted((connection, known) -> requireLease(lease, NativeUpdate.execute(connection,
                    "UPDATE durable_run SET status = ?, output_json = ?, error = ?, finished_at = ?, updated_at = ?, "
                            + "lease_owner = NULL, lease_expires_at = NULL "
                            + "WHERE id = ? AND lease_epoch = ? AND status IN (?, ?)", parameters)))) {
                return;
            }
        } catch (SQLException e) {
            throw StoreFailure.toException("finishing run " + lease.runId(), e);
        }
        WorkflowStore.super.finishRunCommitted(lease, status, outputJson, error, now, transactions);
    }

    /**
     * On PostgreSQL the batch in one round trip and one commit ({@link RunEnds#finishAll}) on a connection of
     * {@link #autoCommitDataSource()}; elsewhere, or without that data source, {@link #finishRun} for
     * each in a new transaction.
     */
    @Override
    public boolean[] finishRunsCommitted(List<RunEnd> ends, TransactionRunner transactions) throws Exception {
        ends.forEach(end -> checkFinish(end.status(), end.outputJson(), end.error()));
        try {
            boolean[] ended = onPostgres(connection -> RunEnds.finishAll(connection, ends));
            if (ended != null) {
                return ended;
            }
        } catch (SQLException e) {
            throw StoreFailure.toException("ending a batch of " + ends.size() + " runs", e);
        }
        return WorkflowStore.super.finishRunsCommitted(ends, transactions);
    }

    @Override
    public void block(Lease lease, String reason, Instant now) {
        requireLease(lease, read("blocking run " + lease.runId(), () -> whileHeld(entityManager(), lease,
                "r.status = :blocked, r.error = :error, r.updatedAt = :now, r.leaseOwner = NULL, "
                        + "r.leaseExpiresAt = NULL, r.wakeAt = NULL, r.waitingFor = NULL, r.awaitedSignal = NULL")
                .setParameter("blocked", BLOCKED)
                .setParameter("error", Limit.ERROR.fit(reason))
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
    }

    @Override
    public int recoveryFailed(Lease lease, String reason, int maxAttempts, Instant now) {
        EntityManager em = entityManager();
        requireLease(lease, read("counting a recovery attempt of run " + lease.runId(), () -> whileHeld(em, lease,
                "r.recoveryAttempts = r.recoveryAttempts + 1, r.updatedAt = :now")
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
        int attempts = read("reading run " + lease.runId(), () -> em.createQuery(
                        "SELECT r.recoveryAttempts FROM RunEntity r WHERE r.id = :id", Integer.class)
                .setParameter("id", lease.runId().value()).getSingleResult());
        if (attempts >= maxAttempts) {
            block(lease, reason + " (after " + attempts + " recovery attempts)", now);
        }
        return attempts;
    }

    @Override
    public void release(Lease lease, Instant now) {
        read("releasing run " + lease.runId(), () -> whileHeld(entityManager(), lease, "r.leaseExpiresAt = :now")
                .setParameter("now", now.toEpochMilli())
                .executeUpdate());
    }

    @Override
    public void startCompensating(Lease lease, Instant now) {
        requireLease(lease, read("moving run " + lease.runId() + " to COMPENSATING", () -> whileHeld(entityManager(),
                lease, "r.status = :compensating, r.updatedAt = :now")
                .setParameter("compensating", COMPENSATING)
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
    }

    @Override
    public RunInfo continueAsNew(Lease lease, NewRun next, Instant now) {
        StoreLimits.check(next);
        EntityManager em = entityManager();
        RunEntity found = read("reading run " + lease.runId(), () -> em.find(RunEntity.class, lease.runId().value()));
        if (found == null) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
        RunInfo old = Mapping.toInfo(found);
        String traceParent = next.traceParent() != null ? next.traceParent() : found.traceParent;
        if (!old.workflowName().equals(next.workflowName()) || !old.instanceId().equals(next.instanceId())) {
            throw new IllegalArgumentException("A run continues as a run of the same workflow and instance id");
        }
        requireLease(lease, read("continuing run " + lease.runId(), () -> whileHeld(em, lease,
                "r.status = :continued, r.continuedAs = :next, r.instanceKey = NULL, r.finishedAt = :now, "
                        + "r.updatedAt = :now, r.leaseOwner = NULL, r.leaseExpiresAt = NULL")
                .setParameter("continued", RunStatus.CONTINUED.name())
                .setParameter("next", next.id().value())
                .setParameter("now", now.toEpochMilli())
                .executeUpdate()));
        NewRun inheriting = new NewRun(next.id(), next.workflowName(), next.workflowVersion(), next.instanceId(),
                next.inputJson(), next.createdAt(), old.parentRunId(), old.parentStepKey(), old.owner(), traceParent);
        return read("storing run " + next.id(), () -> {
            RunEntity entity = Mapping.toEntity(inheriting);
            em.persist(entity);
            em.flush();
            return Mapping.toInfo(entity);
        });
    }

    @Override
    public void requestApproval(Lease lease, Approval approval, StepInfo entry) {
        StoreLimits.check(approval);
        StoreLimits.check(entry);
        EntityManager em = entityManager();
        fence(em, lease, stepTime(lease, entry));
        boolean exists = read("reading approvals of run " + lease.runId(), () -> !em
                .createQuery("SELECT a.id FROM ApprovalEntity a WHERE a.runId = :run AND a.key = :key", String.class)
                .setParameter("run", approval.runId().value())
                .setParameter("key", approval.key())
                .getResultList().isEmpty());
        if (exists) {
            throw new IllegalArgumentException("Run " + approval.runId() + " has an approval '" + approval.key()
                    + "' already");
        }
        read("storing approval " + approval.key() + " of run " + lease.runId(), () -> {
            em.persist(Mapping.toEntity(approval));
            return null;
        });
        persistStep(em, lease, entry);
    }

    @Override
    public Approval decideApproval(RunId runId, String key, ApprovalStatus decision, String actor, String reason,
                                   Instant now) {
        StoreLimits.checkDecision(actor, reason);
        EntityManager em = entityManager();
        ApprovalEntity stored = read("reading approval " + key + " of run " + runId, () -> em
                .createQuery("SELECT a FROM ApprovalEntity a WHERE a.runId = :run AND a.key = :key", ApprovalEntity.class)
                .setParameter("run", runId.value())
                .setParameter("key", key)
                .getResultStream().findFirst().orElse(null));
        if (stored == null) {
            throw new ApprovalNotFoundException(runId.value(), key);
        }
        Approval decided = ApprovalRules.decide(Mapping.toApproval(stored), decision, actor, reason, now);
        int updated = read("deciding approval " + key + " of run " + runId, () -> em
                .createQuery("UPDATE ApprovalEntity a SET a.status = :status, a.actor = :actor, a.reason = :reason, "
                        + "a.decidedAt = :at WHERE a.id = :id AND a.status = :pending")
                .setParameter("status", decided.status().name())
                .setParameter("actor", actor)
                .setParameter("reason", reason)
                .setParameter("at", now.toEpochMilli())
                .setParameter("id", stored.id())
                .setParameter("pending", ApprovalStatus.PENDING.name())
                .executeUpdate());
        if (updated != 1) {
            // another decision won the race since the read: report it
            em.refresh(stored);
            throw new ApprovalDecidedException(Mapping.toApproval(stored));
        }
        return decided;
    }

    @Override
    public List<Approval> pendingApprovals(RunId runId, String owner, int limit) {
        return read("listing pending approvals", () -> {
            TypedQuery<ApprovalEntity> query = entityManager().createQuery("SELECT a FROM ApprovalEntity a, RunEntity r "
                            + "WHERE a.status = :pending AND r.id = a.runId AND r.status IN :active"
                            + (runId == null ? "" : " AND a.runId = :run")
                            + (owner == null ? "" : " AND r.owner = :owner") + " ORDER BY a.seq",
                    ApprovalEntity.class)
                    .setParameter("pending", ApprovalStatus.PENDING.name())
                    .setParameter("active", ACTIVE);
            if (runId != null) {
                query.setParameter("run", runId.value());
            }
            if (owner != null) {
                query.setParameter("owner", owner);
            }
            return query.setMaxResults(limit).getResultStream().map(Mapping::toApproval).toList();
        });
    }

    /**
     * Checks the epoch and locks the run row for the rest of the transaction, so a claim by another
     * node waits for this write or makes it fail.
     */
    private static void fence(EntityManager em, Lease lease, long at) {
        int updated;
        try {
            updated = whileHeld(em, lease, "r.updatedAt = :at").setParameter("at", at).executeUpdate();
        } catch (PersistenceException e) {
            throw StoreFailure.toException("checking the lease on run " + lease.runId(), e);
        }
        requireLease(lease, updated);
    }

    /**
     * An update of the run that applies only while the lease holds it: same epoch, still RUNNING or
     * COMPENSATING.
     * The caller binds the parameters of its {@code SET} clause.
     */
    private static Query whileHeld(EntityManager em, Lease lease, String set) {
        return em.createQuery("UPDATE RunEntity r SET " + set
                        + " WHERE r.id = :id AND r.leaseEpoch = :epoch AND r.status IN :leased")
                .setParameter("id", lease.runId().value())
                .setParameter("epoch", lease.epoch())
                .setParameter("leased", LEASED);
    }

    private static void requireLease(Lease lease, int updated) {
        if (updated != 1) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
    }

    private static <T> T read(String operation, Supplier<T> work) {
        try {
            return work.get();
        } catch (PersistenceException e) {
            throw StoreFailure.toException(operation, e);
        }
    }
}
