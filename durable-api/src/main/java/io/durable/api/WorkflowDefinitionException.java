package io.durable.api;

/**
 * A {@link Workflow} or {@link DurableStep} declaration is invalid; reported while the application
 * deploys, so the deployment fails.
 */
public class WorkflowDefinitionException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String beanClass;

    /**
     * Creates the exception.
     *
     * @param beanClass the class with the bad declaration
     * @param problem   what is wrong and how to fix it
     */
    public WorkflowDefinitionException(String beanClass, String problem) {
        super("Invalid durable workflow definition in " + beanClass + ": " + problem);
        this.beanClass = beanClass;
    }

    /**
     * The class with the bad declaration.
     *
     * @return its fully qualified name
     */
    public String beanClass() {
        return beanClass;
    }
}
