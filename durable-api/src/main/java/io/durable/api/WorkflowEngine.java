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
     * @return the run, when one exists
     */
    Optional<RunInfo> find(String workflowName, String instanceId);

    /**
     * Reads a run's journal.
     *
     * @param runId the run
     * @return its journaled steps in order
     * @throws RunNotFoundException when no such run exists
     */
    List<StepInfo> steps(RunId runId);

    /**
     * Lists runs, newest first.
     *
     * @param query filters and limit
     * @return the matching runs
     */
    List<RunInfo> list(RunQuery query);

    /**
     * Waits until the run finishes.
     *
     * @param runId   the run
     * @param timeout how long to wait at most
     * @return the run in its terminal status
     * @throws RunNotFoundException    when no such run exists
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
     * @throws RunNotFoundException    when no such run exists
     */
    <R> R awaitResult(RunId runId, Class<R> resultType, Duration timeout);
}
