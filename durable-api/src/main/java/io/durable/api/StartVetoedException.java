package io.durable.api;

/** An observer of {@link RunStarting} vetoed the start; nothing was stored. */
public class StartVetoedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String workflowName;
    private final String instanceId;
    private final String reason;

    /**
     * Creates the exception.
     *
     * @param workflowName the workflow
     * @param instanceId   the instance id
     * @param reason       the observer's reason
     */
    public StartVetoedException(String workflowName, String instanceId, String reason) {
        super("Starting workflow " + workflowName + " for instance " + instanceId + " was vetoed: " + reason);
        this.workflowName = workflowName;
        this.instanceId = instanceId;
        this.reason = reason;
    }

    /** @return the workflow */
    public String workflowName() {
        return workflowName;
    }

    /** @return the instance id */
    public String instanceId() {
        return instanceId;
    }

    /** @return the veto's reason */
    public String reason() {
        return reason;
    }
}
