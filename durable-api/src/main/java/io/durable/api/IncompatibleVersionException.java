package io.durable.api;

/**
 * A run was started under a workflow version that the deployed code cannot resume (outside its
 * {@link Workflow#compatibleFrom()}..{@link Workflow#version()} range).
 */
public class IncompatibleVersionException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final int runVersion;

    /**
     * Creates the exception.
     *
     * @param workflowName   the workflow
     * @param runId          the run
     * @param runVersion     the version the run was started with
     * @param deployed       the deployed version
     * @param compatibleFrom the oldest version the deployed code resumes
     */
    public IncompatibleVersionException(String workflowName, String runId, int runVersion, int deployed,
                                        int compatibleFrom) {
        super("Run " + runId + " of workflow '" + workflowName + "' was started with version " + runVersion
                + ", but the deployed code is version " + deployed + " and resumes versions " + compatibleFrom + " to "
                + deployed + ". Deploy code that supports version " + runVersion + " (version markers and "
                + "@Workflow(compatibleFrom = ...)), or cancel the run.");
        this.runId = runId;
        this.runVersion = runVersion;
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the run's version */
    public int runVersion() {
        return runVersion;
    }
}
