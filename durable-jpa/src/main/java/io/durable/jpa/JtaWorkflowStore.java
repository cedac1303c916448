package io.durable.jpa;

import io.durable.jpa.internal.ContainerPersistence;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.jpa.internal.SchemaBootstrap;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.NewRun;
import io.durable.spi.RunEnd;
import io.durable.spi.RunStart;
import io.durable.spi.StoredRun;
import io.durable.spi.TransactionRunner;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;

/**
 * The store in an application server: the container's entity manager for persistence unit
 * {@code durable}, every call in the caller's JTA transaction or, without one, in its own; but
 * {@link #appendStepCommitted}, {@link #insertRunCommitted} and {@link #finishRunCommitted} in none:
 * one auto-committed statement on the unit's data source
 * ({@code java:app/jdbc/durable}), whose connections a server hands out in auto-commit mode outside a
 * transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.REQUIRED)
public class JtaWorkflowStore extends JpaWorkflowStore {

    @PersistenceContext(unitName = "durable")
    EntityManager entityManager;

    /** The unit's data source, found when the store opens; {@code null} before. */
    private volatile DataSource dataSource;

    @PostConstruct
    void checkPersistenceContext() {
        entityManager = ContainerPersistence.required(entityManager, JtaWorkflowStore.class);
    }

    /** Checks the data source and migrates the engine's schema, outside any transaction as Flyway needs. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void open() {
        dataSource = SchemaBootstrap.prepare();
    }

    /** Outside any transaction: the caller's, if it has one, is suspended while the statement runs. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void appendStepCommitted(Lease lease, StepInfo step, TransactionRunner transactions) throws Exception {
        super.appendStepCommitted(lease, step, transactions);
    }

    /** Outside any transaction, as {@link #appendStepCommitted}. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean[] appendStepsCommitted(List<LeasedStep> entries, TransactionRunner transactions)
            throws Exception {
        return super.appendStepsCommitted(entries, transactions);
    }

    /** Outside any transaction, as {@link #appendStepCommitted}. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public StoredRun insertRunCommitted(NewRun run, String leaseOwner, Instant leaseExpiresAt,
                                        TransactionRunner transactions) throws Exception {
        return super.insertRunCommitted(run, leaseOwner, leaseExpiresAt, transactions);
    }

    /** Outside any transaction, as {@link #appendStepCommitted}. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public void finishRunCommitted(Lease lease, RunStatus status, String outputJson, String error, Instant now,
                                   TransactionRunner transactions) throws Exception {
        super.finishRunCommitted(lease, status, outputJson, error, now, transactions);
    }

    /** Outside any transaction, as {@link #appendStepCommitted}. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public boolean[] finishRunsCommitted(List<RunEnd> ends, TransactionRunner transactions) throws Exception {
        return super.finishRunsCommitted(ends, transactions);
    }

    /** Outside any transaction, as {@link #appendStepCommitted}. */
    @Override
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public List<StoredRun> insertRunsCommitted(List<RunStart> starts, TransactionRunner transactions)
            throws Exception {
        return super.insertRunsCommitted(starts, transactions);
    }

    @Override
    protected DataSource autoCommitDataSource() {
        return dataSource;
    }

    @Override
    protected EntityManager entityManager() {
        return entityManager;
    }
}
