package io.durable.jpa.internal;

import io.durable.api.RunStatus;
import io.durable.spi.RunVitals;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Counts a store's unfinished runs for health checks and gauges ({@link RunVitals}). Every count reads
 * at most {@code cap} rows of the run table's sweep indexes ({@code kind, status, ...}) through a
 * {@code LIMIT}ed subquery, so a table with millions of finished runs costs what one with none does; the
 * earliest due time is a {@code MIN} over the due rows only, the range the sweep reads anyway.
 */
public final class RunVitalsQuery {

    private static final String WORKFLOW_RUNS = "FROM durable_run WHERE kind = '" + RunEntity.WORKFLOW + "' AND ";
    private static final List<RunStatus> COUNTED = List.of(RunStatus.PENDING, RunStatus.RUNNING, RunStatus.SUSPENDED,
            RunStatus.COMPENSATING, RunStatus.BLOCKED);
    private static final String RUNNING = RunStatus.RUNNING.name();
    private static final String COMPENSATING = RunStatus.COMPENSATING.name();
    private static final String PENDING = RunStatus.PENDING.name();
    private static final String SUSPENDED = RunStatus.SUSPENDED.name();

    /**
     * Counts, in the caller's transaction.
     *
     * @param em          the entity manager of the current transaction
     * @param now         the current time
     * @param stuckBefore a due time or lease expiry before this counts as stuck
     * @param cap         the most each count reaches, at least 1
     * @return the counts
     * @throws jakarta.persistence.PersistenceException when the database fails
     */
    public RunVitals count(EntityManager em, Instant now, Instant stuckBefore, int cap) {
        long at = now.toEpochMilli();
        long stuck = stuckBefore.toEpochMilli();
        Map<RunStatus, Long> byStatus = new EnumMap<>(RunStatus.class);
        for (RunStatus status : COUNTED) {
            byStatus.put(status, count(em, cap, "status = ?", status.name()));
        }
        long expired = count(em, cap, "status IN (?, ?) AND lease_expires_at < ?", RUNNING, COMPENSATING, stuck);
        long overdue = count(em, cap, "status = ? AND paused = ? AND created_at < ?", PENDING, Boolean.FALSE, stuck)
                + count(em, cap, "status = ? AND paused = ? AND wake_at < ?", SUSPENDED, Boolean.FALSE, stuck);
        long recovering = count(em, cap, "status IN (?, ?) AND recovery_attempts > 0", RUNNING, COMPENSATING);
        Long oldest = earliest(null, single(em, "SELECT MIN(lease_expires_at) " + WORKFLOW_RUNS
                + "status IN (?, ?) AND lease_expires_at <= ?", RUNNING, COMPENSATING, at));
        oldest = earliest(oldest, single(em, "SELECT MIN(wake_at) " + WORKFLOW_RUNS
                + "status = ? AND paused = ? AND wake_at <= ?", SUSPENDED, Boolean.FALSE, at));
        oldest = earliest(oldest, single(em, "SELECT MIN(created_at) " + WORKFLOW_RUNS
                + "status = ? AND paused = ? AND created_at <= ?", PENDING, Boolean.FALSE, at));
        return new RunVitals(byStatus, cap, expired, Math.min(cap, overdue), recovering,
                oldest == null ? null : Instant.ofEpochMilli(oldest));
    }

    private static long count(EntityManager em, int cap, String where, Object... parameters) {
        Object[] all = new Object[parameters.length + 1];
        System.arraycopy(parameters, 0, all, 0, parameters.length);
        all[parameters.length] = cap;
        Long counted = single(em, "SELECT COUNT(*) FROM (SELECT 1 AS one " + WORKFLOW_RUNS + where + " LIMIT ?) counted",
                all);
        return counted == null ? 0 : counted;
    }

    private static Long single(EntityManager em, String sql, Object... parameters) {
        Query query = em.createNativeQuery(sql);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        Object value = query.getSingleResult();
        return value == null ? null : ((Number) value).longValue();
    }

    private static Long earliest(Long a, Long b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return Math.min(a, b);
    }
}
