package io.durable.api;

/**
 * No run with the given id exists (for the caller's tenant).
 */
public class RunNotFoundException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;

    /**
     * Creates the exception.
     *
     * @param runId the id that was asked for
     */
    public RunNotFoundException(String runId) {
        super("No run with id '" + runId + "' exists. List runs to find the right id.");
        this.runId = runId;
    }

    /**
     * The id that was asked for.
     *
     * @return the run id
     */
    public String runId() {
        return runId;
    }
}
