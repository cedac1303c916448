package io.durable.api;

/**
 * A run cannot move from its current status to the requested one.
 */
public class IllegalTransitionException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final RunStatus from;
    private final RunStatus to;

    /**
     * Creates the exception.
     *
     * @param runId the run
     * @param from  its current status
     * @param to    the refused status
     */
    public IllegalTransitionException(String runId, RunStatus from, RunStatus to) {
        super("Run " + runId + " cannot go from " + from + " to " + to
                + (from.isTerminal() ? ": it has finished." : "."));
        this.runId = runId;
        this.from = from;
        this.to = to;
    }

    /**
     * Creates the exception for a refused operator action that keeps the status.
     *
     * @param runId  the run
     * @param from   its current status
     * @param reason why the action is refused, for example "it is not paused"
     */
    public IllegalTransitionException(String runId, RunStatus from, String reason) {
        super("Run " + runId + " (" + from + ") refuses this: " + reason + ".");
        this.runId = runId;
        this.from = from;
        this.to = from;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the current status */
    public RunStatus from() {
        return from;
    }

    /** @return the refused status */
    public RunStatus to() {
        return to;
    }
}
