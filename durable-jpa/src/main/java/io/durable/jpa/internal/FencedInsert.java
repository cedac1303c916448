package io.durable.jpa.internal;

import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.spi.Lease;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

/**
 * A journal entry written in one statement that also checks the lease: an {@code INSERT ... SELECT}
 * from the run row at the lease's epoch, while RUNNING or COMPENSATING, share-locked until the
 * transaction ends. No row inserted means the lease is lost. The lock makes a claim of the run (an
 * update of that row) wait for this transaction, so a node that takes the run over reads the journal
 * with this entry in it; a claim that committed first leaves nothing for the insert to select.
 *
 * <p>One round trip per entry, where the lease check used to be an update of the run row of its own
 * (a new row version per step). Used where the {@link Dialect} knows the locking clause.
 */
public final class FencedInsert {

    private static final String COLUMNS = "run_id, seq, step_key, name, status, attempt, args_hash, result_json, "
            + "error_type, error, started_at, finished_at, created_at";

    private FencedInsert() {
    }

    /**
     * Inserts the entry if the lease holds, in the caller's transaction.
     *
     * @param em      the entity manager of the current transaction
     * @param dialect the database's dialect; its {@link Dialect#shareLock()} must not be {@code null}
     * @param lease   the lease the writer holds
     * @param step    the entry
     * @return whether the entry was written (false: the lease is lost)
     * @throws jakarta.persistence.PersistenceException as the database refused the row (a duplicate
     *     key: the entry exists)
     */
    public static boolean insert(EntityManager em, Dialect dialect, Lease lease, StepInfo step) {
        Long started = Mapping.millis(step.startedAt());
        Long finished = Mapping.millis(step.finishedAt());
        String time = dialect.bigintParameter();
        Query insert = em.createNativeQuery("INSERT INTO durable_step (" + COLUMNS + ") "
                + "SELECT id, ?, ?, ?, ?, ?, ?, ?, ?, ?, " + time + ", " + time + ", " + time + " FROM durable_run "
                + "WHERE id = ? AND lease_epoch = ? AND status IN (?, ?)" + dialect.shareLock());
        int i = 1;
        insert.setParameter(i++, step.sequence());
        insert.setParameter(i++, step.stepKey());
        insert.setParameter(i++, step.name());
        insert.setParameter(i++, step.status().name());
        insert.setParameter(i++, step.attempt());
        insert.setParameter(i++, step.argsHash());
        insert.setParameter(i++, step.resultJson());
        insert.setParameter(i++, step.errorType());
        insert.setParameter(i++, step.error());
        insert.setParameter(i++, started);
        insert.setParameter(i++, finished);
        insert.setParameter(i++, started != null ? started : finished);
        insert.setParameter(i++, lease.runId().value());
        insert.setParameter(i++, lease.epoch());
        insert.setParameter(i++, RunStatus.RUNNING.name());
        insert.setParameter(i, RunStatus.COMPENSATING.name());
        return insert.executeUpdate() == 1;
    }
}
