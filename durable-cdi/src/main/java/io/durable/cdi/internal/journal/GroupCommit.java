package io.durable.cdi.internal.journal;

import io.durable.api.LeaseLostException;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.NewRun;
import io.durable.spi.RunEnd;
import io.durable.spi.RunStart;
import io.durable.spi.StoredRun;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The node's group commit: plain steps' new journal entries, the ends of runs with no parent, and
 * starts outside a caller's transaction, of all runs on this node are written in shared writes
 * ({@link SharedWrites}), one {@code durable.engine.journal-lanes} set of lanes for each kind (1 by
 * default; 0 writes each alone).
 *
 * <p>A write alone is the store's single auto-committed statement
 * ({@link WorkflowStore#appendStepCommitted}, {@link WorkflowStore#finishRunCommitted},
 * {@link WorkflowStore#insertRunCommitted}); a shared one its batch
 * ({@link WorkflowStore#appendStepsCommitted}, {@link WorkflowStore#finishRunsCommitted},
 * {@link WorkflowStore#insertRunsCommitted}: on PostgreSQL one auto-committed statement for the
 * batch). Each caller returns only after its own write is committed, so the guarantees are unchanged.
 * What a batch did not write is written alone by its own thread: an entry or end whose lease is lost
 * fails only its own run, with {@link LeaseLostException}; one whose run's row is locked waits alone;
 * a start whose instance id is taken meets its conflict alone.
 */
@ApplicationScoped
public class GroupCommit {

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    EngineSettings settings;

    /** Plain steps' new entries. */
    volatile SharedWrites<LeasedStep, Boolean> entries;

    /** Ends of runs with no parent. */
    volatile SharedWrites<RunEnd, Boolean> ends;

    /** Starts outside a caller's transaction. */
    volatile SharedWrites<RunStart, StoredRun> starts;

    /** The lanes the settings ask for ({@code durable.engine.journal-lanes}). */
    @PostConstruct
    void start() {
        lanes(settings.journalLanes());
    }

    /** Sets up {@code count} lanes for each kind of write. */
    void lanes(int count) {
        entries = new SharedWrites<>(count, new SharedWrites.Writer<>() {
            @Override
            public Boolean alone(LeasedStep entry) throws Exception {
                store.appendStepCommitted(entry.lease(), entry.step(), transactions);
                return Boolean.TRUE;
            }

            @Override
            public List<Boolean> together(List<LeasedStep> batch) throws Exception {
                return written(store.appendStepsCommitted(batch, transactions));
            }

            @Override
            public String describe(LeasedStep entry) {
                return "step " + entry.step().stepKey() + " of run " + entry.lease().runId();
            }
        });
        ends = new SharedWrites<>(count, new SharedWrites.Writer<>() {
            @Override
            public Boolean alone(RunEnd end) throws Exception {
                store.finishRunCommitted(end.lease(), end.status(), end.outputJson(), end.error(), end.at(),
                        transactions);
                return Boolean.TRUE;
            }

            @Override
            public List<Boolean> together(List<RunEnd> batch) throws Exception {
                return written(store.finishRunsCommitted(batch, transactions));
            }

            @Override
            public String describe(RunEnd end) {
                return "the end of run " + end.lease().runId();
            }
        });
        starts = new SharedWrites<>(count, new SharedWrites.Writer<>() {
            @Override
            public StoredRun alone(RunStart start) throws Exception {
                return store.insertRunCommitted(start.run(), start.leaseOwner(), start.leaseExpiresAt(), transactions);
            }

            @Override
            public List<StoredRun> together(List<RunStart> batch) throws Exception {
                return store.insertRunsCommitted(batch, transactions);
            }

            @Override
            public String describe(RunStart start) {
                return "the start of run " + start.run().id() + " (" + start.run().workflowName() + ")";
            }
        });
    }

    /** A batch's answer as results: {@code null} for what was not written. */
    private static List<Boolean> written(boolean[] written) {
        List<Boolean> results = new ArrayList<>(written.length);
        for (boolean one : written) {
            results.add(one ? Boolean.TRUE : null);
        }
        return results;
    }

    /**
     * Appends a plain step's new entry while its lease holds, and returns once it is committed.
     *
     * @param lease the writer's lease
     * @param entry the entry
     * @throws LeaseLostException when another node claimed the run
     * @throws Exception the store's failure for this entry, as {@link WorkflowStore#appendStepCommitted}
     *     would throw it
     */
    void append(Lease lease, StepInfo entry) throws Exception {
        entries.write(new LeasedStep(lease, entry));
    }

    /**
     * Ends a run with no parent while its lease holds, and returns once that is committed.
     *
     * @throws LeaseLostException when another node claimed the run
     * @throws Exception the store's failure for this end, as {@link WorkflowStore#finishRunCommitted}
     *     would throw it
     */
    void finish(Lease lease, RunStatus status, String outputJson, String error, Instant now) throws Exception {
        ends.write(new RunEnd(lease, status, outputJson, error, now));
    }

    /**
     * Inserts a new run outside any transaction of the caller's, as
     * {@link WorkflowStore#insertRunCommitted} does, and returns once it is committed.
     *
     * @param run            the run
     * @param leaseOwner     the node that will execute it, or {@code null} to store it PENDING
     * @param leaseExpiresAt when that lease expires; ignored without an owner
     * @return the stored run with its lease (epoch 1) or none
     * @throws io.durable.api.DuplicateInstanceException when the workflow has a run of that instance id
     * @throws Exception the store's failure for this run, as {@link WorkflowStore#insertRunCommitted}
     *     would throw it
     */
    public StoredRun start(NewRun run, String leaseOwner, Instant leaseExpiresAt) throws Exception {
        return starts.write(new RunStart(run, leaseOwner, leaseExpiresAt));
    }
}
