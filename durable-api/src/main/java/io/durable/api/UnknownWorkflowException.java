package io.durable.api;

import java.util.Collection;

/**
 * No workflow with the given name (or class) is deployed.
 */
public class UnknownWorkflowException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String workflowName;

    /**
     * Creates the exception.
     *
     * @param workflowName the name that was asked for
     * @param known        the names that are deployed
     */
    public UnknownWorkflowException(String workflowName, Collection<String> known) {
        super("No workflow named '" + workflowName + "' is deployed; deployed workflows: " + known
                + ". Check the name, or annotate the bean with @Workflow.");
        this.workflowName = workflowName;
    }

    /**
     * The name that was asked for.
     *
     * @return the unknown name
     */
    public String workflowName() {
        return workflowName;
    }
}
