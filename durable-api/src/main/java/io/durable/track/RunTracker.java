package io.durable.track;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;

/**
 * Tracks executions as run, step and call: inject it. A durable workflow run is tracked without any
 * call: its run row and journal rows are what the tracker reads (the run under its run id, its steps
 * under {@code RUN_ID:STEP_KEY}), and only the engine starts and ends them. The same tracker records
 * jobs that are not workflows, as runs of their own, by hand ({@code createRun}, {@code startRun},
 * ...) or around a lambda ({@code executeRun}, {@code executeStep}, {@code executeCall}); the
 * workflow dispatcher never executes them.
 *
 * <p>Every method works only on the current owner's runs (see {@link TrackingOwner}); an id of
 * another owner's run, step or call gets {@link TrackingNotFoundException}, as an unknown one does.
 * Inputs and outputs are stored as JSON; one longer than
 * {@link io.durable.api.Limit#TRACKED_JSON} is replaced by {@code {"truncated":LENGTH}}: record
 * summaries, not payloads. Names (run and step types, triggers, tools, counter names) are limited by
 * {@link io.durable.api.Limit#TRACKED_NAME}, a call's operation by {@link io.durable.api.Limit#OPERATION}.
 */
public interface RunTracker {

    /**
     * Creates a PENDING run.
     *
     * @param spec its type, trigger and input
     * @return its id
     */
    String createRun(RunSpec spec);

    /**
     * Marks a run RUNNING.
     *
     * @param runId the run
     * @throws TrackingNotFoundException when there is no such run
     * @throws IllegalStateException     when it is not PENDING, or is a workflow run
     */
    void startRun(String runId);

    /**
     * Marks a run COMPLETED.
     *
     * @param runId  the run
     * @param output its output, or {@code null}
     * @throws TrackingNotFoundException when there is no such run
     * @throws IllegalStateException     when it is already complete, or is a workflow run (its engine ends it)
     */
    void finishRun(String runId, Object output);

    /**
     * Marks a run FAILED.
     *
     * @param runId the run
     * @param error what went wrong
     * @throws TrackingNotFoundException when there is no such run
     * @throws IllegalStateException     when it is already complete, or is a workflow run (its engine ends it)
     */
    void failRun(String runId, String error);

    /**
     * Creates a PENDING step.
     *
     * @param runId the run
     * @param spec  its type, parent and input
     * @return its id
     * @throws TrackingNotFoundException when the run, or the parent step in that run, does not exist
     */
    String createStep(String runId, StepSpec spec);

    /**
     * Marks a step RUNNING.
     *
     * @param stepId the step
     * @throws TrackingNotFoundException when there is no such step
     * @throws IllegalStateException     when it is a journaled step of a workflow (its body ends it)
     */
    void startStep(String stepId);

    /**
     * Marks a step COMPLETED.
     *
     * @param stepId the step
     * @param output its output, or {@code null}
     * @throws TrackingNotFoundException when there is no such step
     * @throws IllegalStateException     when it is a journaled step of a workflow (its body ends it)
     */
    void finishStep(String stepId, Object output);

    /**
     * Marks a step FAILED.
     *
     * @param stepId the step
     * @param error  what went wrong
     * @throws TrackingNotFoundException when there is no such step
     * @throws IllegalStateException     when it is a journaled step of a workflow (its body ends it)
     */
    void failStep(String stepId, String error);

    /**
     * Records a RUNNING call.
     *
     * @param stepId the step making it
     * @param spec   its tool, operation and input
     * @return its id
     * @throws TrackingNotFoundException when there is no such step
     */
    String createCall(String stepId, CallSpec spec);

    /**
     * Marks a call COMPLETED.
     *
     * @param callId the call
     * @param output its small output, or {@code null}
     * @throws TrackingNotFoundException when there is no such call
     */
    void finishCall(String callId, Object output);

    /**
     * Marks a call FAILED.
     *
     * @param callId the call
     * @param error  what went wrong
     * @throws TrackingNotFoundException when there is no such call
     */
    void failCall(String callId, String error);

    /**
     * Creates and starts a run, runs {@code body} with its id, and finishes the run with the result
     * (or fails it with the exception, which is rethrown).
     *
     * @param spec the run
     * @param body the work
     * @param <T>  the result type
     * @return what the body returned
     */
    <T> T executeRun(RunSpec spec, Function<String, T> body);

    /**
     * Creates and starts a step, runs {@code body} with its id, and finishes or fails it.
     *
     * @param runId the run
     * @param spec  the step
     * @param body  the work
     * @param <T>   the result type
     * @return what the body returned
     */
    <T> T executeStep(String runId, StepSpec spec, Function<String, T> body);

    /**
     * Records a call around {@code body}: its result is the call's output, its exception the call's
     * error (and rethrown; a checked one wrapped in {@link TrackedCallException}).
     *
     * @param stepId the step
     * @param spec   the call
     * @param body   the invocation
     * @param <T>    the result type
     * @return what the body returned
     */
    <T> T executeCall(String stepId, CallSpec spec, Callable<T> body);

    /**
     * The durable step executing on this thread ({@code RUN_ID:STEP_KEY}): its journal entry, written
     * early as RUNNING when first asked for and completed in place by the step's outcome. Attach
     * calls, progress and links to it; the tracker does not end it.
     *
     * @return its id
     * @throws io.durable.api.NotInWorkflowException when no durable step executes on this thread
     * @throws io.durable.api.WorkflowUsageException in a saga compensation, whose journal entry is
     *         written only when it completes (count its work with {@link #incrementRunOutput})
     */
    String currentStep();

    /**
     * Replaces a step's batch progress.
     *
     * @param stepId   the step
     * @param progress the progress
     * @throws TrackingNotFoundException when there is no such step
     */
    void updateStepProgress(String stepId, StepProgress progress);

    /**
     * Adds to a run's output counters, atomically: concurrent increments are never lost. Called
     * inside a transactional step, the increment commits (or rolls back) with the step.
     *
     * @param runId      the run
     * @param increments the amounts to add, by counter name (1 to 100 characters)
     * @throws TrackingNotFoundException when there is no such run
     */
    void incrementRunOutput(String runId, Map<String, Long> increments);

    /**
     * Records an entity a step touched.
     *
     * @param stepId the step
     * @param link   the entity
     * @throws TrackingNotFoundException when there is no such step
     */
    void linkStep(String stepId, StepLink link);

    /**
     * The entities a step touched, in the order linked.
     *
     * @param stepId the step
     * @return its links
     * @throws TrackingNotFoundException when there is no such step
     */
    List<StepLink> stepLinks(String stepId);

    /**
     * A run with its counters.
     *
     * @param runId the run
     * @return it, or empty when there is no such run for the current owner
     */
    Optional<TrackedRun> run(String runId);

    /**
     * A run's steps: the tracked ones and, for a durable workflow run, its journaled steps, in the
     * order they were created.
     *
     * @param runId the run
     * @return its steps
     * @throws TrackingNotFoundException when there is no such run
     */
    List<TrackedStep> steps(String runId);

    /**
     * A step's calls, in the order made.
     *
     * @param stepId the step
     * @return its calls
     * @throws TrackingNotFoundException when there is no such step
     */
    List<TrackedCall> calls(String stepId);

    /**
     * The current owner's runs.
     *
     * @param query the filter
     * @return the runs, newest first
     */
    List<TrackedRun> runs(TrackedRunQuery query);

    /**
     * A run in brief: status, duration, step counts, counters.
     *
     * @param runId the run
     * @return the summary
     * @throws TrackingNotFoundException when there is no such run
     */
    RunSummary summary(String runId);
}
