package io.durable.api;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * What the code of a running workflow can ask about its own execution. Inject it into workflow
 * beans and step beans.
 *
 * <p>Every method throws {@link NotInWorkflowException} when called on a thread that is not
 * executing a run. The durable operations ({@link #sleep}, {@link #awaitSignal}, {@link #now},
 * {@link #randomUUID}, {@link #version}) are journaled like steps, so a replay sees the same
 * values; they belong in workflow code, not inside a step, where they throw
 * {@link WorkflowUsageException}.
 */
public interface DurableContext {

    /**
     * The run being executed on this thread.
     *
     * @return its id
     */
    RunId runId();

    /**
     * The instance id (business key) of the run being executed.
     *
     * @return the instance id
     */
    String instanceId();

    /**
     * The key of the step executing on this thread.
     *
     * @return the step key, for example {@code charge#1}
     * @throws NotInWorkflowException when no step is executing on this thread
     */
    String stepKey();

    /**
     * A key that stays the same across every re-execution of the current step:
     * {@code runId:stepKey}. Pass it to external systems so a step that runs twice after a crash
     * has its effect once.
     *
     * @return the idempotency key
     * @throws NotInWorkflowException when no step is executing on this thread
     */
    String idempotencyKey();

    /**
     * Whether the code is replaying journaled history (a step call returns its journaled result).
     *
     * @return {@code true} while the run has not yet reached its first un-journaled step
     */
    boolean isReplaying();

    /**
     * Parks the run for a while: the run's thread is released, and the run wakes (on any node) once
     * the time has passed, even across restarts of every server.
     *
     * @param duration 0 to {@link #LONGEST_WAIT}
     * @throws WorkflowUsageException when the duration is negative or longer than {@link #LONGEST_WAIT}
     */
    void sleep(Duration duration);

    /**
     * Parks the run until a point in time (returns at once when it has passed).
     *
     * @param wakeAt at most {@link #LONGEST_WAIT} from now
     * @throws WorkflowUsageException when the time is further away than {@link #LONGEST_WAIT}
     */
    void sleepUntil(Instant wakeAt);

    /**
     * The current time, journaled: a replay returns the time of the first execution.
     *
     * @return the engine clock's time when this point was first reached
     */
    Instant now();

    /**
     * A random UUID, journaled: a replay returns the same UUID.
     *
     * @return a type-4 UUID
     */
    UUID randomUUID();

    /**
     * Waits for a signal declared with {@link Signal}, as long as it takes. A signal sent before the
     * run gets here is buffered and returned at once; each signal is consumed once, in the order
     * sent. While waiting the run is parked.
     *
     * @param name the signal's name
     * @param type its declared payload type
     * @param <T>  the payload type
     * @return the payload ({@code null} for a {@link Void} signal)
     * @throws UnknownSignalException when the workflow does not declare the name
     * @throws WorkflowUsageException when the type is not the declared one
     */
    <T> T awaitSignal(String name, Class<T> type);

    /**
     * Waits for a signal declared with {@link Signal}, at most for a while.
     *
     * @param name    the signal's name
     * @param type    its declared payload type
     * @param timeout 0 to {@link #LONGEST_WAIT}
     * @param <T>     the payload type
     * @return the payload, or empty when the timeout passed first (also for a {@link Void} signal
     *         that came: then an empty Optional cannot tell; use a payload type for such signals)
     * @throws UnknownSignalException  when the workflow does not declare the name
     * @throws WorkflowUsageException  when the type is not the declared one or the timeout is out of range
     */
    <T> Optional<T> awaitSignal(String name, Class<T> type, Duration timeout);

    /**
     * A version marker, for changing workflow code under runs that are still going. New runs record
     * {@code maxSupported} at this point; runs that reached this point before the marker existed get
     * {@code minSupported}; a replay returns what was recorded. Branch on the result:
     * <pre>{@code
     * if (ctx.version("add-fraud-check", 1, 2) >= 2) { steps.fraudCheck(order); }
     * }</pre>
     *
     * @param changeId     names the change, unique in the workflow
     * @param minSupported the oldest behaviour the code still has
     * @param maxSupported the newest behaviour
     * @return the behaviour this run takes
     * @throws WorkflowUsageException when a recorded version is outside the supported range
     */
    int version(String changeId, int minSupported, int maxSupported);

    /** The longest a run may sleep or wait in one call. */
    Duration LONGEST_WAIT = Duration.ofDays(3660);
    /**
     * Runs named branches concurrently and joins them: fork/join. Each branch's steps and durable
     * operations are journaled under the branch's path ({@code @parallel:NAME#n/BRANCH/...}), so a
     * crash re-runs only what no branch journaled. A branch that parks (sleep, signal, child,
     * back-off) parks the run once the other branches have finished or parked; the run resumes when
     * any of them is due. The join's outcome is journaled.
     *
     * @param name     the block's name (1 to 100 characters, without {@code /} or {@code #})
     * @param branches the branches and the join policy
     * @param <T>      the branches' result type
     * @return each branch's result by name, in the order the branches were added
     * @throws ParallelFailedException when a branch failed (every failure, with
     *                                 {@link Branches#waitForAll()})
     * @throws WorkflowUsageException  when called inside a step, or with no branch
     */
    <T> java.util.Map<String, T> parallel(String name, Branches<T> branches);

    /**
     * Starts a child workflow and waits for it: the child is a run of its own (with a parent link)
     * started exactly once; the parent parks, holding no thread, until the child finishes. Cancelling
     * the parent cancels the child.
     *
     * @param workflow   the child's {@link Workflow} class
     * @param instanceId the child's instance id, or {@code null} for {@code PARENT_RUN_ID:STEP_KEY},
     *                   which is deterministic
     * @param input      the child's input
     * @param resultType the child's output type
     * @param <R>        the output type
     * @return the child's output
     * @throws ChildFailedException        when the child failed or was cancelled
     * @throws UnknownWorkflowException    when the class is not a deployed workflow
     * @throws DuplicateInstanceException  when another run holds the child's instance id
     */
    <R> R child(Class<?> workflow, String instanceId, Object input, Class<R> resultType);

    /**
     * Asks for a human decision and waits for it, parked: the approval is listed as pending until an
     * actor approves or rejects it through {@link WorkflowEngine#approve} or
     * {@link WorkflowEngine#reject}, or until it expires. The decision is journaled.
     *
     * @param key    the approval's key, unique within the run (1 to 100 characters, without {@code /},
     *               {@code #} or {@code |})
     * @param expiry how long it stays open (up to {@link #LONGEST_WAIT})
     * @return the decision: APPROVED, REJECTED or EXPIRED, with the actor and reason
     */
    Approval awaitApproval(String key, Duration expiry);

    /**
     * Ends this run as CONTINUED and starts a new run of the same workflow and instance id with the
     * given input and an empty journal, atomically: the way to loop forever without an ever-growing
     * history. Nothing after this call runs.
     *
     * @param input the new run's input (the state to carry forward), of the entry method's type
     * @throws PayloadException when the input does not fit the entry method's parameter
     */
    void continueAsNew(Object input);
    /**
     * Runs a lambda as a step: journaled like a {@link DurableStep} method (a replay returns its
     * journaled result without running it), with the options a step annotation would give. For
     * libraries and for one-off steps; call it from workflow code, not inside another step.
     *
     * @param name       the step's name (1 to 200 characters, without {@code /}, {@code #} or a
     *                   leading {@code @})
     * @param resultType the result's (generic) type, for reading the journaled result back
     * @param options    transactional or not, and the retry policy
     * @param body       the work
     * @param <T>        the result type
     * @return what the body returned (or, on a replay, its journaled result)
     * @throws StepFailedException     when the body failed (after its retries)
     * @throws WorkflowUsageException  when called inside a step, or with an invalid name or policy
     */
    <T> T step(String name, java.lang.reflect.Type resultType, StepOptions options, java.util.concurrent.Callable<T> body);

    /**
     * Ends this slice of the run: it parks and resumes at once on a fresh thread with fresh
     * transactions, replaying its journal up to here, so no slice of a long loop runs into a
     * transaction or lease timeout. Journaled: a replay passes it without parking. Guard it with
     * {@link #sliceExceeded}: {@code if (ctx.sliceExceeded(budget)) ctx.newSlice();}
     *
     * @throws WorkflowUsageException when called inside a step
     */
    void newSlice();

    /**
     * Whether the current slice has run longer than a budget (engine clock). While replaying it
     * answers what the first execution found (whether a new slice began at this point), so the
     * guarded {@link #newSlice()} replays the same way.
     *
     * @param budget the slice budget
     * @return {@code true} when a new slice should begin here
     */
    boolean sliceExceeded(Duration budget);
}
