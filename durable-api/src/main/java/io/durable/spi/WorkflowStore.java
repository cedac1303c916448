package io.durable.spi;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where runs and their journals live. The engine passes the time to every call, so a store never
 * reads a clock. Writes join the caller's transaction when there is one (see
 * {@link TransactionRunner}); every failure of the database is a {@link io.durable.api.StoreException}.
 *
 * <p>An implementation passes the contract test in {@code durable-api}'s test jar.
 */
public interface WorkflowStore {

    /**
     * Stores a new run in status PENDING, without a lease.
     *
     * @param run the run
     * @throws DuplicateInstanceException when the workflow already has a run with that instance id
     */
    void createRun(NewRun run);

    /**
     * Reads a run with its lease.
     *
     * @param id the run id
     * @return the run, when it exists
     */
    Optional<StoredRun> findRun(RunId id);

    /**
     * Reads a run by its business key.
     *
     * @param workflowName the workflow
     * @param instanceId   the instance id
     * @return the run, when it exists
     */
    Optional<RunInfo> findRun(String workflowName, String instanceId);

    /**
     * Lists runs, newest first.
     *
     * @param query filters and limit
     * @return the runs
     */
    List<RunInfo> listRuns(RunQuery query);

    /**
     * Loads a run's whole journal in one query, ordered by sequence.
     *
     * @param id the run
     * @return the entries, empty when there are none
     */
    List<StepInfo> loadJournal(RunId id);

    /**
     * Claims a run for execution: succeeds when it is PENDING without a live lease, or RUNNING with
     * an expired lease. The claim sets the status to RUNNING, the owner, an expiry and an epoch one
     * higher than before.
     *
     * @param id            the run
     * @param owner         the claiming node
     * @param now           the current time
     * @param leaseDuration how long the claim holds unless renewed
     * @return the lease, or empty when the run is not claimable (finished, or leased by a live node)
     */
    Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration);

    /**
     * Extends a lease, only while its epoch is still the run's.
     *
     * @param lease     the lease
     * @param expiresAt the new expiry
     * @return {@code false} when the lease was lost
     */
    boolean renew(Lease lease, Instant expiresAt);

    /**
     * Appends a journal entry, only while the lease's epoch is still the run's.
     *
     * @param lease the writer's lease
     * @param step  the entry
     * @throws LeaseLostException        when another node claimed the run meanwhile
     * @throws JournalConflictException  when an entry with this step key exists already
     */
    void appendStep(Lease lease, StepInfo step);

    /**
     * Ends a run: COMPLETED with its output, or FAILED with its error; clears the lease.
     *
     * @param lease      the writer's lease
     * @param status     COMPLETED or FAILED
     * @param outputJson the output, when completed
     * @param error      the error, when failed
     * @param now        the finish time
     * @throws LeaseLostException when another node claimed the run meanwhile
     */
    void finishRun(Lease lease, RunStatus status, String outputJson, String error, Instant now);

    /**
     * Gives up a lease without finishing the run (for example on shutdown), so another node or a
     * restart can claim it at once. Does nothing when the lease was lost.
     *
     * @param lease the lease
     * @param now   the current time
     */
    void release(Lease lease, Instant now);

    /**
     * Finds runs that a node may claim: PENDING without a live lease (oldest first), and RUNNING with
     * an expired lease (their node died).
     *
     * @param now   the current time
     * @param limit at most this many
     * @return their ids
     */
    List<RunId> findClaimable(Instant now, int limit);
}
