package io.durable.api;

/**
 * Workflow code used the engine in a way it cannot honour: a negative or absurd duration, waiting
 * inside a step, waiting for an undeclared signal. The run fails with this message.
 */
public class WorkflowUsageException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was wrong and what to do instead
     */
    public WorkflowUsageException(String message) {
        super(message);
    }
}
