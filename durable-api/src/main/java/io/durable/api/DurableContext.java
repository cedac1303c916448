package io.durable.api;

/**
 * What the code of a running workflow can ask about its own execution. Inject it into workflow
 * beans and step beans.
 *
 * <p>Every method throws {@link NotInWorkflowException} when called on a thread that is not
 * executing a run.
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
}
