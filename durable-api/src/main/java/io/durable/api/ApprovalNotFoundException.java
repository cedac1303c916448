package io.durable.api;

/** No approval with this key is pending on the run: the run has not asked for it (yet). */
public class ApprovalNotFoundException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String key;

    /**
     * Creates the exception.
     *
     * @param runId the run
     * @param key   the approval key
     */
    public ApprovalNotFoundException(String runId, String key) {
        super("Run " + runId + " has no approval '" + key + "': it has not asked for one under this key. "
                + "List the run's pending approvals to see what it waits for.");
        this.runId = runId;
        this.key = key;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the approval key */
    public String key() {
        return key;
    }
}
