package io.durable.api;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Starts durable runs and reads their state. Inject it anywhere in the application.
 *
 * <p>A run is identified by the engine's {@link RunId} and, as a business key, by its workflow name
 * and instance id. Starting a run stores it before this method returns; it then executes on a node
 * with a free execution slot and survives crashes and restarts of every node.
 *
 * <p><b>Tenants.</b> Every read and action is scoped to the caller's tenant: the owner the
 * application's {@link io.durable.track.TrackingOwner} bean gives (the empty owner without one). A run
 * of another tenant is "not found" ({@link RunNotFoundException}); a caller in the
 * {@link DurableRoles#ADMIN} role sees every tenant. Workflow code, schedules and child runs act as
 * the system: they are not scoped.
 *
 * <p><b>Roles.</b> When an authenticated person calls an action (signal, approve, reject, pause,
 * unpause, cancel, retry) outside workflow code, the engine checks the caller's role
 * ({@link DurableRoles#OPERATOR} or {@link DurableRoles#ADMIN}), throws {@link AccessDeniedException}
 * without it, and records the caller's name as the actor, whatever actor was passed. Code without an
 * authenticated caller (a timer, a batch, an application without login) is not checked and its
 * {@code actor} argument is recorded.
 */
public interface WorkflowEngine {

    /**
     * Starts a run of a workflow class.
     *
     * @param workflow   the {@link Workflow} bean class
     * @param instanceId the business key, unique per workflow (1 to 200 characters)
     * @param input      the input, assignable to the entry method's parameter ({@code null} for none)
     * @return the new run's id
     * @throws UnknownWorkflowException    when the class is not a deployed workflow
     * @throws DuplicateInstanceException  when a run with this instance id exists already
     * @throws PayloadException            when the input does not fit the entry method's parameter
     */
    RunId start(Class<?> workflow, String instanceId, Object input);

    /**
     * Starts a run by workflow name with an input given as JSON, as it arrives over HTTP.
     *
     * @param workflowName the workflow's name
     * @param instanceId   the business key, unique per workflow (1 to 200 characters)
     * @param inputJson    the input as JSON, or {@code null} for a workflow without input
     * @return the new run's id
     * @throws UnknownWorkflowException   when no workflow has this name
     * @throws DuplicateInstanceException when a run with this instance id exists already
     * @throws PayloadException           when the JSON is malformed or does not bind to the input type
     */
    RunId startJson(String workflowName, String instanceId, String inputJson);

    /**
     * Starts a run with an explicit conflict policy for an instance id that has a run already.
     *
     * @param workflow   the {@link Workflow} bean class
     * @param instanceId the business key
     * @param input      the input
     * @param policy     what to do when the instance id has a run
     * @return the new run's id, or the existing run's id under {@link ConflictPolicy#USE_EXISTING}
     * @throws DuplicateInstanceException   under {@link ConflictPolicy#FAIL} when the id has a run
     * @throws IncompatibleVersionException when the existing run's version is not resumable here
     */
    RunId start(Class<?> workflow, String instanceId, Object input, ConflictPolicy policy);

    /**
     * Starts a run by name with a JSON input and an explicit conflict policy.
     *
     * @param workflowName the workflow's name
     * @param instanceId   the business key
     * @param inputJson    the input as JSON
     * @param policy       what to do when the instance id has a run
     * @return the new run's id, or the existing run's id under {@link ConflictPolicy#USE_EXISTING}
     */
    RunId startJson(String workflowName, String instanceId, String inputJson, ConflictPolicy policy);

    /**
     * Sends a signal to a run. It is stored at once (buffered until the run waits for it) and wakes
     * the run when it waits for this name.
     *
     * @param runId          the run
     * @param name           a name the run's workflow declares with {@link Signal}
     * @param payload        the payload, of the declared type ({@code null} allowed)
     * @param idempotencyKey optional: a retried send with the same key is delivered once
     * @return the receipt
     * @throws RunNotFoundException    when no such run exists (or it belongs to another tenant)
     * @throws RunFinishedException    when the run has finished
     * @throws UnknownSignalException  when the workflow does not declare the name
     * @throws AccessDeniedException   when an authenticated person without the operator role sends it
     * @throws PayloadException        when the payload is of another type or larger than the limit
     */
    SignalReceipt signal(RunId runId, String name, Object payload, String idempotencyKey);

    /**
     * Sends a signal whose payload is JSON, as it arrives over HTTP; see {@link #signal}.
     *
     * @param runId          the run
     * @param name           a declared signal name
     * @param payloadJson    the payload as JSON ({@code null} for none)
     * @param idempotencyKey optional: a retried send with the same key is delivered once
     * @return the receipt
     * @throws PayloadException      when the JSON is malformed, does not bind, or is over the size limit
     * @throws RunNotFoundException  when no such run exists (or it belongs to another tenant)
     * @throws AccessDeniedException when an authenticated person without the operator role sends it
     */
    SignalReceipt signalJson(RunId runId, String name, String payloadJson, String idempotencyKey);

    /**
     * Pauses a run: it stops at its next step boundary and stays parked until unpaused. A parked
     * run keeps its wake time; it wakes only after it is unpaused.
     *
     * @param runId  the run
     * @param actor  who pauses it (an authenticated person's name replaces it)
     * @param reason why
     * @return the run afterwards
     * @throws RunNotFoundException         when no such run exists (or it belongs to another tenant)
     * @throws RunFinishedException         when it has finished
     * @throws IllegalTransitionException   when it is paused already
     * @throws AccessDeniedException        when an authenticated person without the operator role calls it
     */
    RunInfo pause(RunId runId, String actor, String reason);

    /**
     * Lets a paused run go on.
     *
     * @param runId  the run
     * @param actor  who unpauses it (an authenticated person's name replaces it)
     * @param reason why
     * @return the run afterwards
     * @throws RunNotFoundException        when no such run exists (or it belongs to another tenant)
     * @throws RunFinishedException        when it has finished
     * @throws IllegalTransitionException  when it is not paused
     * @throws AccessDeniedException       when an authenticated person without the operator role calls it
     */
    RunInfo unpause(RunId runId, String actor, String reason);

    /**
     * Cancels a run for good: a parked run loses its wake-ups, an executing run stops at its next
     * journal write (a step that is executing completes its body, but nothing after it runs).
     *
     * <p>Every unfinished descendant is cancelled with it, however many there are: the children of
     * each run the cancel reaches are read a page at a time, breadth first, and the run and all its
     * descendants are cancelled in one transaction (all or none; a very large tree makes it a long
     * one). A child that finished on its own meanwhile is left as it ended; a child that had finished
     * before is not descended into.
     *
     * @param runId  the run
     * @param actor  who cancels it (an authenticated person's name replaces it)
     * @param reason why
     * @return the run afterwards, CANCELLED
     * @throws RunNotFoundException  when no such run exists (or it belongs to another tenant)
     * @throws RunFinishedException  when it has finished already
     * @throws AccessDeniedException when an authenticated person without the operator role calls it
     */
    RunInfo cancel(RunId runId, String actor, String reason);

    /**
     * Lets a {@link RunStatus#BLOCKED} run go on, after its code was fixed (rolled back, or given a
     * version marker) or its workflow deployed: it becomes PENDING, with its recovery attempts reset,
     * and is replayed from its journal. A run that no longer fits the code is blocked again, with the
     * same message. The start of an application that has the run's workflow retries its blocked runs
     * as well. To give up on a blocked run instead, {@link #cancel} it.
     *
     * @param runId  the run
     * @param actor  who retries it (an authenticated person's name replaces it)
     * @param reason why
     * @return the run afterwards, PENDING
     * @throws RunNotFoundException        when there is no such run (or it belongs to another tenant)
     * @throws RunFinishedException        when it has finished
     * @throws IllegalTransitionException  when it is not BLOCKED
     * @throws AccessDeniedException       when an authenticated person without the operator role calls it
     */
    RunInfo retry(RunId runId, String actor, String reason);

    /**
     * Resumes at once, on this node, the runs that are due: parked runs whose wake time passed,
     * runs waiting for a signal that has arrived, runs whose lease expired, and runs that made no
     * progress for {@code staleAfter} (their node is alive but stuck; the lease is taken from it).
     *
     * @param limit      at most this many runs (1 to 10,000)
     * @param staleAfter how long without progress makes a running run stale (at least 1 second)
     * @return the ids of the runs claimed for resumption
     */
    List<RunId> resumeAll(int limit, Duration staleAfter);

    /**
     * Reads one run.
     *
     * @param runId the run
     * @return its current state
     * @throws RunNotFoundException when no such run exists (or it belongs to another tenant)
     */
    RunInfo status(RunId runId);

    /**
     * Finds a run by its business key.
     *
     * @param workflowName the workflow's name
     * @param instanceId   the instance id
     * @return the run, when one exists and belongs to the caller's tenant (or the caller is an admin)
     */
    Optional<RunInfo> find(String workflowName, String instanceId);

    /**
     * Reads a run's journal.
     *
     * @param runId the run
     * @return its journaled steps in order
     * @throws RunNotFoundException when no such run exists (or it belongs to another tenant)
     */
    List<StepInfo> steps(RunId runId);

    /**
     * Reads one page of a run's journal, in the order it was written.
     *
     * @param runId        the run
     * @param fromSequence the first sequence to return (0 for the start; the last returned sequence + 1
     *                     for the next page)
     * @param limit        at most this many entries, 1 to {@value RunQuery#MAX_LIMIT}
     * @return the entries with sequence {@code >= fromSequence}, at most {@code limit}
     * @throws RunNotFoundException     when no such run exists (or it belongs to another tenant)
     * @throws IllegalArgumentException when the limit is out of range or {@code fromSequence < 0}
     */
    List<StepInfo> steps(RunId runId, int fromSequence, int limit);

    /**
     * The signals sent to a run, oldest first (in the order they were stored), with the engine's own:
     * those whose names start with {@code @} carry approvals' decisions and children's outcomes.
     *
     * @param runId the run
     * @param limit at most this many, 1 to {@value RunQuery#MAX_LIMIT}
     * @return its signals, received or not
     * @throws RunNotFoundException     when no such run exists (or it belongs to another tenant)
     * @throws IllegalArgumentException when the limit is out of range
     */
    List<SignalInfo> signals(RunId runId, int limit);

    /**
     * Exports a run with its whole journal as a versioned document ({@link RunExport#toJson()} writes it
     * as JSON), for a replay check of changed workflow code against it in a test (durable-testing's
     * {@code WorkflowTestKit.replay}), a bug report or an archive. The run is read as it stands: an
     * unfinished run gives the journal so far.
     *
     * @param runId the run
     * @return the export
     * @throws RunNotFoundException when no such run exists (or it belongs to another tenant)
     */
    RunExport export(RunId runId);

    /**
     * Lists runs, newest first: the runs of {@link #page(RunQuery)}.
     *
     * @param query filters, limit and cursor; the owner filter applies only for the admin role
     * @return the matching runs, of the caller's tenant only
     * @throws IllegalArgumentException when the cursor is not one this engine gave out
     */
    List<RunInfo> list(RunQuery query);

    /**
     * Lists one page of runs, newest first (by creation time, then id); pass the page's
     * {@link RunPage#nextCursor()} to {@link RunQuery#withCursor(String)} for the next one. A run's place
     * in that order never changes, so no run is skipped or repeated however many are created while
     * paging; a run created meanwhile is newer than the pages read and appears on no later page (a
     * start that commits long after it took its creation time may still).
     *
     * @param query filters, limit and cursor; the owner filter applies only for the admin role
     * @return the page, of the caller's tenant only
     * @throws IllegalArgumentException when the cursor is not one this engine gave out
     */
    RunPage page(RunQuery query);

    /**
     * How many runs of each status match a query's filters (its status, limit and cursor are ignored).
     *
     * @param query the filters
     * @return a count per status, statuses without runs omitted; of the caller's tenant only (an
     *     admin's: every tenant's, or the query's owner's)
     */
    java.util.Map<RunStatus, Long> countByStatus(RunQuery query);

    /**
     * Waits until the run finishes, or is {@link RunStatus#BLOCKED} (it then waits for fitting code or
     * an operator, which a caller should learn of now rather than at the timeout).
     *
     * @param runId   the run
     * @param timeout how long to wait at most
     * @return the run in its terminal status, or BLOCKED
     * @throws RunNotFoundException    when no such run exists (or it belongs to another tenant)
     * @throws AwaitTimeoutException   when it has not finished in time (the run goes on)
     */
    RunInfo await(RunId runId, Duration timeout);

    /**
     * Waits until the run completes and returns its output.
     *
     * @param runId      the run
     * @param resultType the output's type
     * @param timeout    how long to wait at most
     * @param <R>        the output's type
     * @return the output, decoded from its journaled JSON
     * @throws WorkflowFailedException when the run failed or was cancelled
     * @throws AwaitTimeoutException   when it has not finished in time (the run goes on)
     * @throws RunNotFoundException    when no such run exists (or it belongs to another tenant)
     */
    <R> R awaitResult(RunId runId, Class<R> resultType, Duration timeout);
    /**
     * Approves a pending approval; the run resumes with the decision.
     *
     * @param runId  the run
     * @param key    the approval key
     * @param actor  who approves (1 to 100 characters; an authenticated person's name replaces it)
     * @param reason why (may be empty)
     * @return the approval as decided
     * @throws ApprovalNotFoundException when the run has not asked for this approval
     * @throws ApprovalDecidedException  when it was decided or expired already (the first decision stands)
     * @throws RunNotFoundException      when no such run exists (or it belongs to another tenant)
     * @throws AccessDeniedException     when an authenticated person without the operator role calls it
     */
    Approval approve(RunId runId, String key, String actor, String reason);

    /**
     * Rejects a pending approval; the run resumes with the decision.
     *
     * @param runId  the run
     * @param key    the approval key
     * @param actor  who rejects (1 to 100 characters; an authenticated person's name replaces it)
     * @param reason why (may be empty)
     * @return the approval as decided
     * @throws ApprovalNotFoundException when the run has not asked for this approval
     * @throws ApprovalDecidedException  when it was decided or expired already (the first decision stands)
     * @throws RunNotFoundException      when no such run exists (or it belongs to another tenant)
     * @throws AccessDeniedException     when an authenticated person without the operator role calls it
     */
    Approval reject(RunId runId, String key, String actor, String reason);

    /**
     * The approvals a run waits for.
     *
     * @param runId the run
     * @return its pending approvals, oldest first
     * @throws RunNotFoundException when no such run exists (or it belongs to another tenant)
     */
    List<Approval> pendingApprovals(RunId runId);

    /**
     * The approvals every unfinished run of the caller's tenant (an admin's: of every tenant) waits
     * for, oldest first.
     *
     * @param limit at most this many (1 to 1000)
     * @return the pending approvals
     * @throws PayloadException when the limit is out of range
     */
    List<Approval> pendingApprovals(int limit);

    /**
     * A run with its child runs, recursively: {@link #tree(RunId, int)} with {@value RunQuery#MAX_LIMIT}
     * runs at most.
     *
     * @param runId the run
     * @return the tree
     * @throws RunNotFoundException when no such run exists (or it belongs to another tenant)
     */
    RunTree tree(RunId runId);

    /**
     * A run with its child runs, recursively, bounded: at most {@code maxRuns} runs in all, read
     * breadth first (one query per run in the tree, however deep or wide it is); a node whose children
     * were cut says so ({@link RunTree#truncated()}), and of a cut node's children the newest are kept.
     *
     * @param runId   the run
     * @param maxRuns at most this many runs in the tree, the root included, 1 to {@value RunQuery#MAX_LIMIT}
     * @return the tree
     * @throws RunNotFoundException     when no such run exists (or it belongs to another tenant)
     * @throws IllegalArgumentException when {@code maxRuns} is out of range
     */
    RunTree tree(RunId runId, int maxRuns);
}
