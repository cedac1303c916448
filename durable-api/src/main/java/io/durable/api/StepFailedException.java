package io.durable.api;

/**
 * A durable step threw. Workflow code sees this exception both on the first execution and when
 * the journaled failure is replayed, so a {@code catch} behaves the same way every time.
 */
public class StepFailedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String stepKey;
    private final String errorType;
    private final String errorMessage;

    /**
     * Creates the exception.
     *
     * @param runId        the run
     * @param stepKey      the failed step
     * @param errorType    the class name of the exception the step threw
     * @param errorMessage that exception's message
     * @param cause        the exception itself on the first execution, {@code null} on replay
     */
    public StepFailedException(String runId, String stepKey, String errorType, String errorMessage, Throwable cause) {
        super("Step '" + stepKey + "' of run " + runId + " failed with " + errorType + ": " + errorMessage, cause);
        this.runId = runId;
        this.stepKey = stepKey;
        this.errorType = errorType;
        this.errorMessage = errorMessage;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the failed step's key */
    public String stepKey() {
        return stepKey;
    }

    /** @return the class name of the original exception */
    public String errorType() {
        return errorType;
    }

    /** @return the original exception's message */
    public String errorMessage() {
        return errorMessage;
    }
}
