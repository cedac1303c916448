package io.durable.jpa.internal;

import io.durable.api.RunStatus;
import io.durable.spi.Park;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the runs that are due, for one sweep, each kind through its own index so that the cost
 * follows the due runs and not every parked run: runs whose lease expired (or, on request, that are
 * stale), parked runs whose wake time passed, pending runs, and parked runs whose awaited signal
 * arrived (found from the unconsumed signals). On PostgreSQL and MariaDB the rows are locked with
 * {@code FOR UPDATE SKIP LOCKED}, so nodes sweeping at once take disjoint batches; elsewhere the
 * claim's conditional update alone decides (correct, with more contention).
 */
public final class DueRuns {

    /** Unconsumed signals of runs waiting for several signals looked at per sweep. */
    private static final int MAX_LISTED_MATCHES = 10_000;

    /**
     * Workflow runs only: a tracked job (kind JOB) is PENDING or RUNNING without a lease and must never
     * be claimed. (The signal queries need no such filter: a job is never SUSPENDED.)
     */
    private static final String DUE = "SELECT id, lease_epoch, status FROM durable_run WHERE kind = '" + RunEntity.WORKFLOW
            + "' AND ";

    /**
     * No journal entry started or finished after the bound (two parameters, the same bound): a journal
     * write leaves the run row as it is, so a run's progress is its newest entry.
     */
    private static final String NO_STEP_SINCE = "NOT EXISTS (SELECT 1 FROM durable_step s WHERE s.run_id = durable_run.id "
            + "AND s.seq >= 0 AND (s.finished_at > ? OR s.started_at > ?))";

    private final Dialect.Cached dialect;

    /**
     * @param dialect the store's dialect
     */
    public DueRuns(Dialect.Cached dialect) {
        this.dialect = dialect;
    }

    /**
     * A due run with the epoch it was read at.
     *
     * @param id    the run id
     * @param epoch  its lease epoch
     * @param status its status
     */
    public record Candidate(String id, long epoch, String status) {
    }

    /**
     * Reads up to {@code limit} due runs, in the caller's transaction.
     *
     * @param em          the entity manager
     * @param now         the current time
     * @param limit       at most this many
     * @param staleBefore also RUNNING runs whose row and journal did not change since then, or {@code null}
     * @return the candidates, each once
     */
    public List<Candidate> find(EntityManager em, Instant now, int limit, Instant staleBefore) {
        String lock = dialect.get(em).skipLocked() ? " FOR UPDATE SKIP LOCKED" : "";
        long at = now.toEpochMilli();
        Map<String, Candidate> due = new LinkedHashMap<>();
        add(due, limit, em.createNativeQuery(DUE + "status IN (?, ?) "
                + "AND lease_expires_at <= ? ORDER BY lease_expires_at LIMIT ?" + lock), RunStatus.RUNNING.name(),
                RunStatus.COMPENSATING.name(), at);
        if (staleBefore != null) {
            long stale = staleBefore.toEpochMilli();
            add(due, limit, em.createNativeQuery(DUE + "status = ? AND updated_at <= ? AND " + NO_STEP_SINCE
                    + " ORDER BY updated_at LIMIT ?" + lock), RunStatus.RUNNING.name(), stale, stale, stale);
        }
        add(due, limit, em.createNativeQuery(DUE + "status = ? "
                + "AND wake_at <= ? AND paused = ? ORDER BY wake_at LIMIT ?" + lock), RunStatus.SUSPENDED.name(), at,
                Boolean.FALSE);
        add(due, limit, em.createNativeQuery(DUE + "status = ? "
                + "AND paused = ? ORDER BY created_at LIMIT ?" + lock), RunStatus.PENDING.name(), Boolean.FALSE);
        if (due.size() < limit) {
            em.createQuery("SELECT DISTINCT r.id, r.leaseEpoch, r.status FROM SignalEntity s, RunEntity r "
                            + "WHERE s.consumed = FALSE AND r.id = s.runId AND r.status = :suspended AND r.paused = FALSE "
                            + "AND (r.awaitedSignal = s.name OR r.awaitedSignal = :any)", Object[].class)
                    .setParameter("any", Park.ANY_SIGNAL)
                    .setParameter("suspended", RunStatus.SUSPENDED.name())
                    .setMaxResults(limit - due.size())
                    .getResultStream()
                    .forEach(row -> due.putIfAbsent((String) row[0], new Candidate((String) row[0],
                            ((Number) row[1]).longValue(), (String) row[2])));
        }
        if (due.size() < limit) {
            // runs waiting for any of several signals (parallel branches): matched here, not in SQL, because
            // string functions in the query would make EclipseLink inline every parameter
            em.createQuery("SELECT r.id, r.leaseEpoch, r.status, r.awaitedSignal, s.name FROM SignalEntity s, RunEntity r "
                            + "WHERE s.consumed = FALSE AND r.id = s.runId AND r.status = :suspended AND r.paused = FALSE "
                            + "AND r.awaitedSignal LIKE :list", Object[].class)
                    .setParameter("list", Park.LIST + "%")
                    .setParameter("suspended", RunStatus.SUSPENDED.name())
                    .setMaxResults(MAX_LISTED_MATCHES)
                    .getResultStream()
                    .filter(row -> Park.wakes((String) row[3], (String) row[4]))
                    .limit(limit - due.size())
                    .forEach(row -> due.putIfAbsent((String) row[0], new Candidate((String) row[0],
                            ((Number) row[1]).longValue(), (String) row[2])));
        }
        return new ArrayList<>(due.values());
    }

    private static void add(Map<String, Candidate> due, int limit, Query query, Object... parameters) {
        int left = limit - due.size();
        if (left <= 0) {
            return;
        }
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.setParameter(parameters.length + 1, left);
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            String id = (String) columns[0];
            due.putIfAbsent(id, new Candidate(id, ((Number) columns[1]).longValue(), (String) columns[2]));
        }
    }
}
