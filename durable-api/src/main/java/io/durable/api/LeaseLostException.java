package io.durable.api;

/**
 * This node no longer holds the run's lease (another node claimed it, with a higher epoch), so it
 * may not journal. The execution on this node stops; the node that holds the lease goes on.
 */
public class LeaseLostException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final long epoch;

    /**
     * Creates the exception.
     *
     * @param runId the run
     * @param epoch the epoch this node held
     */
    public LeaseLostException(String runId, long epoch) {
        super("Lost the lease on run " + runId + " (held epoch " + epoch + "): another node took it over. "
                + "This execution stops; nothing is written under the stale epoch.");
        this.runId = runId;
        this.epoch = epoch;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the stale epoch */
    public long epoch() {
        return epoch;
    }
}
