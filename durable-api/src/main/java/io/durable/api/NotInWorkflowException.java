package io.durable.api;

/**
 * A {@link DurableContext} method was called on a thread that is not executing a run (or a step).
 */
public class NotInWorkflowException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param what what was asked for
     */
    public NotInWorkflowException(String what) {
        super("DurableContext." + what + " was called outside " + (what.startsWith("step") || what.startsWith("idem")
                ? "a durable step" : "a running workflow")
                + ". Call it from @WorkflowMethod code or from a @DurableStep method it calls.");
    }
}
