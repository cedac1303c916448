package io.durable.api;

/**
 * A run with this workflow name and instance id exists already; nothing was started.
 */
public class DuplicateInstanceException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String workflowName;
    private final String instanceId;
    private final String existingRunId;

    /**
     * Creates the exception.
     *
     * @param workflowName  the workflow
     * @param instanceId    the business key that is taken
     * @param existingRunId the run that holds it, when known
     */
    public DuplicateInstanceException(String workflowName, String instanceId, String existingRunId) {
        super("Workflow '" + workflowName + "' already has a run for instance id '" + instanceId + "'"
                + (existingRunId == null ? "" : " (run " + existingRunId + ")")
                + ". Read that run's status instead of starting it again, or use another instance id.");
        this.workflowName = workflowName;
        this.instanceId = instanceId;
        this.existingRunId = existingRunId;
    }

    /** @return the workflow name */
    public String workflowName() {
        return workflowName;
    }

    /** @return the instance id that is taken */
    public String instanceId() {
        return instanceId;
    }

    /** @return the existing run's id, or {@code null} when not known */
    public String existingRunId() {
        return existingRunId;
    }
}
