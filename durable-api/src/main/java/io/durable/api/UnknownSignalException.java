package io.durable.api;

import java.util.Set;

/**
 * A signal name the workflow does not declare with {@link Signal}: refused when sent, and an error
 * when workflow code waits for it.
 */
public class UnknownSignalException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String workflowName;
    private final String signalName;

    /**
     * Creates the exception.
     *
     * @param workflowName the workflow
     * @param signalName   the unknown name
     * @param declared     the names the workflow declares
     */
    public UnknownSignalException(String workflowName, String signalName, Set<String> declared) {
        super("Workflow '" + workflowName + "' declares no signal '" + signalName + "'"
                + (declared.isEmpty() ? "; it declares none. Add @Signal(name = \"" + signalName
                + "\", type = ...) to the workflow class."
                : "; it declares " + declared + "."));
        this.workflowName = workflowName;
        this.signalName = signalName;
    }

    /** @return the workflow */
    public String workflowName() {
        return workflowName;
    }

    /** @return the unknown signal name */
    public String signalName() {
        return signalName;
    }
}
