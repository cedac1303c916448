package io.durable.spi;

import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.StepLink;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tracking over the same rows the {@link WorkflowStore} keeps: a run is one row whether it is a
 * workflow run or a tracked job (inserted here), a workflow's steps are its journal entries, and
 * calls, links and counters refer to run and step rows. Resource locks are kept here too. Every
 * method runs in the caller's transaction, or in its own without one. Reads and updates by id take
 * the owner and answer only for it: a row of another owner is treated as absent.
 *
 * <p>A step's id is {@code RUN_ID:STEP_KEY}: a journaled step's key is its journal key; a step
 * inserted here gets a key of its own that no journal entry can take.
 *
 * <p>The contract is the {@code TrackingStoreContractTest} in this module's test jar.
 */
public interface TrackingStore {

    /**
     * Stores a new tracked job (its counters are ignored: they start empty; {@code workflow} must be
     * false: workflow runs are created by the engine). The workflow dispatcher never claims it.
     *
     * @param run the run
     * @throws IllegalArgumentException when a run with its id exists, or it claims to be a workflow run
     */
    void insertRun(TrackedRun run);

    /**
     * A run with its counters.
     *
     * @param id    the id
     * @param owner the caller's owner
     * @return the run, when it exists for that owner
     */
    Optional<TrackedRun> findRun(String id, String owner);

    /**
     * Stores a tracked job's status, output, error and times (not its counters). A workflow run's row
     * is written only by the engine.
     *
     * @param run the run as it is now
     * @return {@code false} when no such tracked job exists for its owner (also for a workflow run)
     */
    boolean updateRun(TrackedRun run);

    /**
     * The owner's runs, workflow runs and tracked jobs, newest first.
     *
     * @param query the filter
     * @param owner the owner
     * @return the runs, with their counters
     */
    List<TrackedRun> listRuns(TrackedRunQuery query, String owner);

    /**
     * Adds to a run's counters atomically: concurrent increments of the same counter are all kept.
     *
     * @param runId      the run
     * @param owner      the caller's owner
     * @param increments the amounts by counter name
     * @return {@code false} when no such run exists for that owner
     */
    boolean incrementCounters(String runId, String owner, Map<String, Long> increments);

    /**
     * Stores a new step that is not a journal entry, in a run of the owner; its id must be
     * {@link #newStepId}'s. It never takes a journal position.
     *
     * @param step  the step
     * @param owner its run's owner
     * @return {@code false} when no such run exists for that owner
     * @throws IllegalArgumentException when a step with its id exists
     */
    boolean insertStep(TrackedStep step, String owner);

    /**
     * A fresh id for a step of a run that is not a journal entry.
     *
     * @param runId the run
     * @return {@code RUN_ID:KEY} with a key no journal entry can have
     */
    static String newStepId(String runId) {
        return runId + ":" + TRACKED_KEY_PREFIX + java.util.UUID.randomUUID();
    }

    /** How the key of a step that is not a journal entry starts (engine keys never start so). */
    String TRACKED_KEY_PREFIX = "@track/";

    /**
     * A step.
     *
     * @param id    the id
     * @param owner the caller's owner
     * @return the step, when it exists for that owner
     */
    Optional<TrackedStep> findStep(String id, String owner);

    /**
     * Stores a step's status, progress, output, error and times; of a journaled step only its progress
     * (its outcome is the engine's).
     *
     * @param step  the step as it is now
     * @param owner the caller's owner
     * @return {@code false} when no such step exists for that owner
     */
    boolean updateStep(TrackedStep step, String owner);

    /**
     * A run's steps, journaled and tracked, in the order created (a journaled step's creation is its
     * start; the engine's own entries such as sleeps, signals and slices, named {@code @...}, are not
     * steps).
     *
     * @param runId the run
     * @param owner the caller's owner
     * @return the steps
     */
    List<TrackedStep> listSteps(String runId, String owner);

    /**
     * Stores a new call of a step (a journaled step's too, before its entry is written).
     *
     * @param call  the call
     * @param owner its run's owner
     * @return {@code false} when the step's run does not exist for that owner
     */
    boolean insertCall(TrackedCall call, String owner);

    /**
     * A call.
     *
     * @param id    the id
     * @param owner the caller's owner
     * @return the call, when it exists for that owner
     */
    Optional<TrackedCall> findCall(String id, String owner);

    /**
     * Stores a call's status, output, error and finish time.
     *
     * @param call  the call as it is now
     * @param owner the caller's owner
     * @return {@code false} when no such call exists for that owner
     */
    boolean updateCall(TrackedCall call, String owner);

    /**
     * A step's calls in the order made.
     *
     * @param stepId the step
     * @param owner  the caller's owner
     * @return the calls
     */
    List<TrackedCall> listCalls(String stepId, String owner);

    /**
     * Records an entity a step touched.
     *
     * @param stepId the step
     * @param owner  the caller's owner
     * @param link   the entity
     * @return {@code false} when no such step exists for that owner
     */
    boolean insertLink(String stepId, String owner, StepLink link);

    /**
     * A step's links in the order made.
     *
     * @param stepId the step
     * @param owner  the caller's owner
     * @return the links
     */
    List<StepLink> listLinks(String stepId, String owner);

    /**
     * Takes a resource's lock for a holder: when it is free, expired, or already the holder's (then
     * renewed).
     *
     * @param resource the resource (1 to 200 characters)
     * @param holder   the holder (1 to 200 characters)
     * @param now      the time
     * @param ttl      how long it holds unless renewed
     * @return the lock now held
     * @throws ResourceLockedException when another holder's lock is live
     */
    ResourceLock acquireLock(String resource, String holder, Instant now, Duration ttl);

    /**
     * Extends a lock the holder still holds (even expired, as long as nobody took it since).
     *
     * @param resource the resource
     * @param holder   the holder
     * @param now      the time
     * @param ttl      how long from now it holds
     * @return {@code false} when the holder does not hold it
     */
    boolean renewLock(String resource, String holder, Instant now, Duration ttl);

    /**
     * Releases a lock the holder holds.
     *
     * @param resource the resource
     * @param holder   the holder
     * @return {@code false} when the holder did not hold it (nothing changed)
     */
    boolean releaseLock(String resource, String holder);

    /**
     * A resource's lock, live or expired.
     *
     * @param resource the resource
     * @return the lock, when there is one
     */
    Optional<ResourceLock> findLock(String resource);
}
