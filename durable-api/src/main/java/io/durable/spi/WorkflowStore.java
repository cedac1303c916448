package io.durable.spi;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalNotFoundException;
import io.durable.api.ApprovalStatus;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
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
     * Prepares the store as the engine starts, before any other call: checks what it needs from the
     * application and brings its schema up to date. The engine calls it in a module's environment (in an
     * EAR, with the web module's start), so names such as {@code java:app/...} resolve here.
     *
     * @throws io.durable.api.DurableException when the store cannot work (no datasource, no persistence
     *                                         context, a schema it cannot migrate); the engine does not
     *                                         start and the deployment fails with the message
     */
    default void open() {
    }

    /**
     * Stores a new run in status PENDING, without a lease.
     *
     * @param run the run
     * @throws DuplicateInstanceException when the workflow already has a run with that instance id
     */
    default void createRun(NewRun run) {
        createRun(run, ConflictPolicy.FAIL, run.createdAt());
    }

    /**
     * Stores a new run, or applies the conflict policy when the workflow has a run for the instance
     * id: FAIL throws, USE_EXISTING returns the existing run, TERMINATE_EXISTING cancels it (when it
     * has not finished), detaches it from the instance id and stores the new run, in one transaction.
     *
     * @param run    the run
     * @param policy the conflict policy
     * @param now    the current time
     * @return the new run, or the existing run under USE_EXISTING
     * @throws DuplicateInstanceException under FAIL when the instance id has a run
     */
    RunInfo createRun(NewRun run, ConflictPolicy policy, Instant now);

    /**
     * Inserts a new run in one statement, without reading first: the fast path of a start made outside
     * a caller's transaction. With a lease owner, the run is stored RUNNING and leased to it (epoch 1,
     * until {@code leaseExpiresAt}), so the starting node executes it at once, without a claim, a
     * re-read or a journal load; without one, it is stored PENDING for whichever node claims it.
     *
     * <p>The default applies {@link ConflictPolicy#FAIL} through {@link #createRun} and leases nothing.
     *
     * @param run            the run
     * @param leaseOwner     the node that will execute it, or {@code null} to store it PENDING
     * @param leaseExpiresAt when that lease expires; ignored without an owner
     * @return the stored run with its lease (epoch 1) or none
     * @throws io.durable.api.DuplicateInstanceException when the workflow has a run of that instance id:
     *     on most databases the refused insert dooms the transaction, so the caller applies its
     *     {@link ConflictPolicy} with {@link #createRun} in a new one
     * @throws io.durable.api.LimitExceededException when a field is over its {@link io.durable.api.Limit}
     * @throws io.durable.api.StoreException when the database fails
     */
    default StoredRun insertRun(NewRun run, String leaseOwner, Instant leaseExpiresAt) {
        return new StoredRun(createRun(run, ConflictPolicy.FAIL, run.createdAt()), null, 0, null, run.traceParent());
    }

    /**
     * Inserts a new run as {@link #insertRun} does, as a write of its own: never in a transaction the
     * calling thread has (it is suspended, not joined), and committed when this returns. A store that
     * can sends it as one auto-committed statement.
     *
     * <p>The default runs {@link #insertRun} in a new transaction of {@code transactions}.
     *
     * @param run            the run
     * @param leaseOwner     the node that will execute it, or {@code null} to store it PENDING
     * @param leaseExpiresAt when that lease expires; ignored without an owner
     * @param transactions   how the engine demarcates transactions, for a store that needs one
     * @return the stored run with its lease (epoch 1) or none
     * @throws io.durable.api.DuplicateInstanceException when the workflow has a run of that instance id
     * @throws io.durable.api.LimitExceededException when a field is over its {@link io.durable.api.Limit}
     * @throws io.durable.api.StoreException when the database fails
     * @throws Exception what the transaction around the default's write threw
     */
    default StoredRun insertRunCommitted(NewRun run, String leaseOwner, Instant leaseExpiresAt,
                                         TransactionRunner transactions) throws Exception {
        return transactions.inNewTransaction(() -> insertRun(run, leaseOwner, leaseExpiresAt));
    }

    /**
     * Inserts several new runs as {@link #insertRunCommitted} does, as one write of their own (a group
     * commit): a store that can sends them as one auto-committed statement, one round trip for the
     * batch. A run whose instance id is taken (also by another run of the batch) is not inserted; its
     * caller inserts it alone ({@link #insertRunCommitted}), which names the conflict.
     *
     * <p>The batch is written as a whole or not at all: when this throws, none of its runs is
     * inserted, and the caller inserts them one by one. The default inserts a batch of one with
     * {@link #insertRunCommitted} and leaves a larger batch to be inserted one by one (it returns no
     * run): a refused insert could not be undone everywhere.
     *
     * @param starts       the new runs with their leases, at most a few hundred
     * @param transactions how the engine demarcates transactions, for a store that needs one
     * @return for each start, in order, the stored run, or {@code null} when it was not inserted
     * @throws io.durable.api.LimitExceededException when a field is over its {@link io.durable.api.Limit}
     * @throws io.durable.api.StoreException         when the database fails
     * @throws Exception                             what the transaction around the default's write threw
     */
    default List<StoredRun> insertRunsCommitted(List<RunStart> starts, TransactionRunner transactions)
            throws Exception {
        List<StoredRun> stored = new ArrayList<>(Collections.nCopies(starts.size(), null));
        if (starts.size() == 1) {
            RunStart start = starts.get(0);
            try {
                stored.set(0, insertRunCommitted(start.run(), start.leaseOwner(), start.leaseExpiresAt(), transactions));
            } catch (DuplicateInstanceException taken) {
                // left to the caller's insert alone, which names the conflict
            }
        }
        return stored;
    }

    /**
     * The database's current time. Every time that several nodes compare (lease expiries, due times)
     * is written and read by nodes whose engine clocks are aligned to it, so a node whose own clock is
     * off by minutes cannot take a live node's lease.
     *
     * @return the time, at millisecond precision or better
     */
    Instant databaseTime();

    /**
     * Checks that the database answers, for a readiness check: one cheap statement that touches no engine
     * table. The default reads {@link #databaseTime()}.
     *
     * @param timeout how long the statement may take; a store that can bound it does (a query timeout), the
     *                caller bounds its wait anyway
     * @throws io.durable.api.StoreException when the database does not answer
     */
    default void ping(Duration timeout) {
        databaseTime();
    }

    /**
     * Counts the unfinished runs for health checks and gauges, each count bounded by {@code cap}, through
     * the indexes the sweep uses. The default counts nothing.
     *
     * @param now         the current time
     * @param stuckBefore a due time or lease expiry before this counts as stuck
     * @param cap         the most each count reaches, at least 1
     * @return the counts, or empty when this store does not count
     * @throws io.durable.api.StoreException when the database fails
     */
    default Optional<RunVitals> vitals(Instant now, Instant stuckBefore, int cap) {
        return Optional.empty();
    }

    /**
     * Reads a run with its lease.
     *
     * @param id the run id
     * @return the run, when it exists
     */
    Optional<StoredRun> findRun(RunId id);

    /**
     * Reads the run that holds a business key (a run terminated by a later start with
     * TERMINATE_EXISTING no longer does).
     *
     * @param workflowName the workflow
     * @param instanceId   the instance id
     * @return the run, when it exists
     */
    Optional<RunInfo> findRun(String workflowName, String instanceId);

    /**
     * Lists runs, the last written first, for the engine's own use (it is not scoped to a tenant): every
     * filter of the query applies, its owner too when it names one; its cursor is ignored.
     *
     * @param query filters and limit
     * @return the runs
     */
    List<RunInfo> listRuns(RunQuery query);

    /**
     * Reads one page of runs, newest first by creation time, then by id (both descending): the runs
     * that pass the filter and come strictly after the cursor in that order. The order is total and a
     * run's place in it never changes, so paging on from the last run of each page lists every run
     * once, whatever is created meanwhile.
     *
     * @param filter which runs; its owner is exact (the empty owner is an owner)
     * @param after  the position of the last run of the page before, or {@code null} for the first page
     * @param limit  at most this many runs, 1 to {@value RunQuery#MAX_LIMIT} + 1
     * @return the runs, newest first
     * @throws io.durable.api.StoreException when the database fails
     */
    List<RunInfo> pageRuns(RunFilter filter, RunCursor after, int limit);

    /**
     * Counts the runs that pass a filter, per status, in one query.
     *
     * @param filter which runs
     * @return a count per status; statuses without runs are absent
     * @throws io.durable.api.StoreException when the database fails
     */
    Map<RunStatus, Long> countRuns(RunFilter filter);

    /**
     * Loads a run's whole journal in one query, ordered by sequence (tracked steps that are not journal
     * entries are not part of it).
     *
     * @param id the run
     * @return the entries, empty when there are none
     */
    List<StepInfo> loadJournal(RunId id);

    /**
     * Loads one page of a run's journal, ordered by sequence.
     *
     * @param id           the run
     * @param fromSequence the first sequence, at least 0
     * @param limit        at most this many entries, at least 1
     * @return the entries with a sequence of at least {@code fromSequence}, empty past the end or for
     *     an unknown run
     * @throws io.durable.api.StoreException when the database fails
     */
    List<StepInfo> loadJournal(RunId id, int fromSequence, int limit);

    /**
     * The signals sent to a run, consumed or not, in the order they were written (the engine's own
     * signals, whose names start with {@code @}, included).
     *
     * @param id    the run
     * @param limit at most this many, the oldest first
     * @return the signals, empty for an unknown run
     * @throws io.durable.api.StoreException when the database fails
     */
    List<SignalInfo> listSignals(RunId id, int limit);

    /**
     * Claims a run for execution: succeeds when it is PENDING and not paused, SUSPENDED, not paused and
     * due (its wake time passed), or RUNNING or COMPENSATING with an expired lease. The claim sets the
     * status to RUNNING (a COMPENSATING run stays COMPENSATING), the owner, an expiry and an epoch
     * one higher than before, and clears the wake time.
     *
     * @param id            the run
     * @param owner         the claiming node
     * @param now           the current time
     * @param leaseDuration how long the claim holds unless renewed
     * @return the lease, or empty when the run is not claimable (finished, or leased by a live node)
     */
    Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration);

    /**
     * Extends a lease, only while its epoch is still the run's and the run is RUNNING or COMPENSATING.
     *
     * @param lease     the lease
     * @param expiresAt the new expiry
     * @return whether the lease is held, and whether the run was paused meanwhile
     */
    LeaseState renew(Lease lease, Instant expiresAt);

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
     * Appends a plain step's journal entry as a write of its own, only while the lease's epoch is still
     * the run's: never in a transaction the calling thread has (it is suspended, not joined), and
     * committed when this returns. A store that can sends it as one auto-committed statement: one
     * round trip, where a transaction of its own costs two (the statement and its commit).
     *
     * <p>The default appends it with {@link #appendStep} in a new transaction of {@code transactions}.
     *
     * @param lease        the writer's lease
     * @param step         the entry
     * @param transactions how the engine demarcates transactions, for a store that needs one
     * @throws LeaseLostException                    when another node claimed the run meanwhile
     * @throws JournalConflictException              when an entry with this step key exists already
     *     (also when an earlier attempt of this write committed and its answer was lost)
     * @throws io.durable.api.LimitExceededException when the entry is over a limit
     * @throws io.durable.api.StoreException         when the database fails
     * @throws Exception                             what the transaction around the default's write threw
     */
    default void appendStepCommitted(Lease lease, StepInfo step, TransactionRunner transactions) throws Exception {
        transactions.inNewTransaction(() -> {
            appendStep(lease, step);
            return null;
        });
    }

    /**
     * Appends journal entries of several runs in the caller's transaction (a group commit), each only
     * while its own lease holds. An entry whose lease is lost is not written and does not fail the
     * others. The default appends them one by one with {@link #appendStep}.
     *
     * @param entries the entries with their writers' leases, at most a few hundred
     * @return for each entry, in order, whether it was written ({@code false}: its lease is lost)
     * @throws JournalConflictException when an entry's step key exists already; on most databases the
     *     transaction is doomed then, so the caller writes the entries one by one to tell whose it was
     * @throws io.durable.api.LimitExceededException when an entry is over a limit
     * @throws io.durable.api.StoreException when the database fails
     */
    default boolean[] appendSteps(List<LeasedStep> entries) {
        boolean[] written = new boolean[entries.size()];
        for (int i = 0; i < written.length; i++) {
            try {
                appendStep(entries.get(i).lease(), entries.get(i).step());
                written[i] = true;
            } catch (LeaseLostException lost) {
                written[i] = false;
            }
        }
        return written;
    }

    /**
     * Appends journal entries of several runs as a write of their own (a group commit), each only while
     * its own lease holds: never in a transaction the calling thread has, and committed when this
     * returns. A store that can sends them as one auto-committed statement: one round trip for the
     * whole batch, where {@link #appendSteps} in a new transaction costs two (the statement and its
     * commit).
     *
     * <p>The batch is written as a whole or not at all: when this throws, none of its entries is
     * written, and the caller writes them one by one ({@link #appendStepCommitted}) to tell whose the
     * failure was. The default runs {@link #appendSteps} in a new transaction of {@code transactions},
     * or {@link #appendStepCommitted} for a batch of one.
     *
     * @param entries      the entries with their writers' leases, at most a few hundred
     * @param transactions how the engine demarcates transactions, for a store that needs one
     * @return for each entry, in order, whether it was written ({@code false}: its lease is lost)
     * @throws JournalConflictException              when an entry's step key exists already
     * @throws io.durable.api.LimitExceededException when an entry is over a limit
     * @throws io.durable.api.StoreException         when the database fails
     * @throws Exception                             what the transaction around the default's write threw
     */
    default boolean[] appendStepsCommitted(List<LeasedStep> entries, TransactionRunner transactions)
            throws Exception {
        // refused before anything is written, also where the transaction cannot roll back
        entries.forEach(entry -> StoreLimits.check(entry.step()));
        if (entries.size() == 1) {
            try {
                appendStepCommitted(entries.get(0).lease(), entries.get(0).step(), transactions);
                return new boolean[]{true};
            } catch (LeaseLostException lost) {
                return new boolean[]{false};
            }
        }
        return transactions.inNewTransaction(() -> appendSteps(entries));
    }

    /**
     * Replaces the RETRYING or RUNNING journal entry at the step's sequence (same step key) with a later state
     * of the step, only while the lease's epoch is still the run's.
     *
     * @param lease the writer's lease
     * @param step  the new state of the entry
     * @throws LeaseLostException       when another node claimed the run meanwhile
     * @throws JournalConflictException when the entry is not a RETRYING or RUNNING entry of that step
     */
    void replaceStep(Lease lease, StepInfo step);

    /**
     * Parks a run: SUSPENDED, with its wake time and what it waits for, without a lease. When it
     * waits for a signal that has arrived already, its wake time becomes {@code now}.
     *
     * @param lease the writer's lease
     * @param park  why and until when
     * @param now   the current time
     * @return the wake time stored, or {@code null} when it waits without one
     * @throws LeaseLostException when another node claimed the run meanwhile
     */
    Instant park(Lease lease, Park park, Instant now);

    /**
     * Stores a signal for a run, unless one with the same idempotency key was stored before. When
     * the run is parked waiting for this signal name, its wake time becomes {@code now}.
     *
     * @param signal the signal
     * @return the receipt
     * @throws RunNotFoundException when the run does not exist
     * @throws RunFinishedException when the run has finished
     */
    SignalReceipt sendSignal(NewSignal signal);

    /**
     * The oldest unconsumed signal of a name for a run.
     *
     * @param runId the run
     * @param name  the signal name
     * @return the signal, when one waits
     */
    Optional<StoredSignal> nextSignal(RunId runId, String name);

    /**
     * Consumes a signal and journals its consumption, together, only while the lease's epoch is still
     * the run's.
     *
     * @param lease    the writer's lease
     * @param signalId the signal
     * @param entry    the journal entry recording it
     * @throws LeaseLostException       when another node claimed the run meanwhile
     * @throws JournalConflictException when the signal was consumed already or the entry exists
     */
    void consumeSignal(Lease lease, String signalId, StepInfo entry);

    /**
     * Applies an operator action: PAUSE sets the paused flag (the run parks at its next step
     * boundary), UNPAUSE clears it (a run parked by the pause becomes due at once), CANCEL ends the
     * run as CANCELLED, clears its wake time and lease. The action is stored with the run.
     *
     * @param runId  the run
     * @param action the action
     * @return the run afterwards
     * @throws RunNotFoundException       when the run does not exist
     * @throws RunFinishedException       when the run has finished
     * @throws io.durable.api.IllegalTransitionException when pausing a paused run or unpausing one that is not
     */
    RunInfo control(RunId runId, OperatorAction action);

    /**
     * Ends a run: COMPLETED with its output, or FAILED with its error (also from COMPENSATING);
     * clears the lease.
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
     * Ends a run as {@link #finishRun} does, as a write of its own: never in a transaction the calling
     * thread has (it is suspended, not joined), and committed when this returns. A store that can
     * sends it as one auto-committed statement. The engine uses it for a run with no parent to tell.
     *
     * <p>The default runs {@link #finishRun} in a new transaction of {@code transactions}.
     *
     * @param lease        the writer's lease
     * @param status       COMPLETED, FAILED or CANCELLED
     * @param outputJson   the output, when completed
     * @param error        the error, when failed
     * @param now          the finish time
     * @param transactions how the engine demarcates transactions, for a store that needs one
     * @throws LeaseLostException            when another node claimed the run meanwhile
     * @throws io.durable.api.StoreException when the database fails
     * @throws Exception                     what the transaction around the default's write threw
     */
    default void finishRunCommitted(Lease lease, RunStatus status, String outputJson, String error, Instant now,
                                    TransactionRunner transactions) throws Exception {
        transactions.inNewTransaction(() -> {
            finishRun(lease, status, outputJson, error, now);
            return null;
        });
    }

    /**
     * Ends several runs as {@link #finishRunCommitted} does, as one write of their own (a group
     * commit), each only while its own lease holds. A store that can sends them as one auto-committed
     * statement: one round trip for the batch.
     *
     * <p>The batch is written as a whole or not at all: when this throws, none of the runs has ended,
     * and the caller ends them one by one ({@link #finishRunCommitted}) to tell whose the failure was.
     * The default runs {@link #finishRun} for each in one new transaction of {@code transactions}, or
     * {@link #finishRunCommitted} for a batch of one.
     *
     * @param ends         the ends with their writers' leases, at most a few hundred, one per run
     * @param transactions how the engine demarcates transactions, for a store that needs one
     * @return for each end, in order, whether the run ended ({@code false}: its lease is lost)
     * @throws IllegalArgumentException              when a status is not COMPLETED, FAILED or CANCELLED
     * @throws io.durable.api.LimitExceededException when an output or error is over a limit
     * @throws io.durable.api.StoreException         when the database fails
     * @throws Exception                             what the transaction around the default's write threw
     */
    default boolean[] finishRunsCommitted(List<RunEnd> ends, TransactionRunner transactions) throws Exception {
        for (RunEnd end : ends) {
            // refused before anything is written, also where the transaction cannot roll back
            if (!end.status().isTerminal()) {
                throw new IllegalArgumentException("A run finishes COMPLETED, FAILED or CANCELLED, not " + end.status());
            }
            StoreLimits.checkFinish(end.outputJson(), end.error());
        }
        if (ends.size() == 1) {
            RunEnd end = ends.get(0);
            try {
                finishRunCommitted(end.lease(), end.status(), end.outputJson(), end.error(), end.at(), transactions);
                return new boolean[]{true};
            } catch (LeaseLostException lost) {
                return new boolean[]{false};
            }
        }
        return transactions.inNewTransaction(() -> {
            boolean[] ended = new boolean[ends.size()];
            for (int i = 0; i < ended.length; i++) {
                RunEnd end = ends.get(i);
                try {
                    finishRun(end.lease(), end.status(), end.outputJson(), end.error(), end.at());
                    ended[i] = true;
                } catch (LeaseLostException lost) {
                    ended[i] = false;
                }
            }
            return ended;
        });
    }

    /**
     * Stops a run as {@link RunStatus#BLOCKED} with the reason as its error: its code no longer fits
     * it, or it failed its recovery attempts. Clears the lease and what it waited for; no sweep claims
     * it until an operator retries it ({@link io.durable.api.OperatorAction.Kind#RETRY}).
     *
     * @param lease  the writer's lease
     * @param reason why, shown as the run's error (at most {@link io.durable.api.Limit#ERROR})
     * @param now    the current time
     * @throws LeaseLostException when another node claimed the run meanwhile
     */
    void block(Lease lease, String reason, Instant now);

    /**
     * Counts one failed attempt to recover a run for a reason that is not the database's (its workflow
     * is not deployed here, its input cannot be read, the engine failed replaying it); the attempt that
     * reaches {@code maxAttempts} blocks the run with the reason. The lease is kept until it expires,
     * so the next attempt comes a lease period later. A retry by an operator resets the count.
     *
     * @param lease       the writer's lease
     * @param reason      why this attempt failed
     * @param maxAttempts the attempts a run gets before it is blocked, at least 1
     * @param now         the current time
     * @return the attempts counted so far, including this one
     * @throws LeaseLostException when another node claimed the run meanwhile
     */
    int recoveryFailed(Lease lease, String reason, int maxAttempts, Instant now);

    /**
     * Gives up a lease without finishing the run (for example on shutdown), so another node or a
     * restart can claim it at once. Does nothing when the lease was lost.
     *
     * @param lease the lease
     * @param now   the current time
     */
    void release(Lease lease, Instant now);

    /**
     * Claims, in one transaction, up to {@code limit} runs that are due: RUNNING or COMPENSATING with an expired lease
     * (or, when {@code staleBefore} is given, no progress since then), SUSPENDED and not paused with a
     * wake time that passed or an awaited signal that arrived, PENDING and not paused. Rows another
     * node is claiming are skipped ({@code FOR UPDATE SKIP LOCKED} where the database has it). The
     * cost follows the number of due runs, not of all parked runs.
     *
     * @param owner         the claiming node
     * @param now           the current time
     * @param leaseDuration how long the claims hold unless renewed
     * @param limit         at most this many
     * @param staleBefore   take over RUNNING runs not updated since then, or {@code null}
     * @return the leases
     */
    List<Lease> claimDue(String owner, Instant now, Duration leaseDuration, int limit, Instant staleBefore);

    /**
     * Parked runs with a wake time, soonest first, for re-arming timers.
     *
     * @param limit at most this many
     * @return run ids with wake times
     */
    List<RecoverySweep.Wake> upcomingWakes(int limit);
    /**
     * Moves a failed run from RUNNING to COMPENSATING, only while the lease's epoch is still the run's.
     * A COMPENSATING run keeps its status when another node claims it after its lease expired.
     *
     * @param lease the writer's lease
     * @param now   the current time
     * @throws LeaseLostException when another node claimed the run meanwhile
     */
    void startCompensating(Lease lease, Instant now);

    /**
     * Ends a run as CONTINUED and stores the run it continues as, in one transaction: the new run
     * takes over the instance id and inherits the parent link; the old run records the new run's id.
     *
     * @param lease the writer's lease (on the old run)
     * @param next  the new run, PENDING, of the same workflow and instance id
     * @param now   the current time
     * @return the new run
     * @throws LeaseLostException when another node claimed the old run meanwhile
     */
    RunInfo continueAsNew(Lease lease, NewRun next, Instant now);

    /**
     * Stores a PENDING approval and the journal entry that requested it, together, only while the
     * lease's epoch is still the run's.
     *
     * @param lease    the writer's lease
     * @param approval the approval, PENDING
     * @param entry    the journal entry recording the request
     * @throws LeaseLostException      when another node claimed the run meanwhile
     * @throws IllegalArgumentException when the run has an approval with this key already
     */
    void requestApproval(Lease lease, Approval approval, StepInfo entry);

    /**
     * Decides a PENDING approval: APPROVED or REJECTED by an actor before it expires, or EXPIRED (by
     * the engine) once it has. The first decision stands.
     *
     * @param runId    the run
     * @param key      the approval key
     * @param decision APPROVED, REJECTED or EXPIRED
     * @param actor    who decided
     * @param reason   why
     * @param now      the current time
     * @return the approval as decided
     * @throws ApprovalNotFoundException when the run has no approval with this key
     * @throws ApprovalDecidedException  when it was decided already, or has expired (for an actor's decision)
     */
    Approval decideApproval(RunId runId, String key, ApprovalStatus decision, String actor, String reason, Instant now);

    /**
     * Pending approvals of unfinished runs of every owner, oldest first.
     *
     * @param runId only this run's, or {@code null} for every run's
     * @param limit at most this many
     * @return the approvals
     */
    default List<Approval> pendingApprovals(RunId runId, int limit) {
        return pendingApprovals(runId, null, limit);
    }

    /**
     * Pending approvals of unfinished runs, oldest first.
     *
     * @param runId only this run's, or {@code null} for every run's
     * @param owner only those of runs of this owner (exact: the empty owner is an owner), or
     *              {@code null} for every owner
     * @param limit at most this many
     * @return the approvals
     */
    List<Approval> pendingApprovals(RunId runId, String owner, int limit);
}
