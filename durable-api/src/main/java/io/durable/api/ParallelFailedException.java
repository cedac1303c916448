package io.durable.api;

import java.util.Map;

/**
 * A parallel block's join failed: one branch failed (fail fast) or some did (wait for all). The
 * outcome is journaled, so a replay throws the same exception with the same failures.
 */
public class ParallelFailedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String runId;
    private final String parallelKey;
    private final transient Map<String, BranchFailure> failures;

    /**
     * How one branch failed.
     *
     * @param errorType the exception's class name
     * @param message   its message
     */
    public record BranchFailure(String errorType, String message) {
    }

    /**
     * Creates the exception.
     *
     * @param runId       the run
     * @param parallelKey the parallel block's journal key
     * @param failures    branch name to failure, in the order the branches were added
     */
    public ParallelFailedException(String runId, String parallelKey, Map<String, BranchFailure> failures) {
        super("Parallel block " + parallelKey + " of run " + runId + " failed in " + failures.size() + " branch"
                + (failures.size() == 1 ? "" : "es") + ": " + describe(failures));
        this.runId = runId;
        this.parallelKey = parallelKey;
        this.failures = Map.copyOf(failures);
    }

    private static String describe(Map<String, BranchFailure> failures) {
        StringBuilder text = new StringBuilder();
        failures.forEach((branch, failure) -> text.append(text.length() == 0 ? "" : "; ").append(branch).append(": ")
                .append(failure.errorType()).append(": ").append(failure.message()));
        return text.toString();
    }

    /** @return the run id */
    public String runId() {
        return runId;
    }

    /** @return the parallel block's journal key, for example {@code @parallel:quotes#1} */
    public String parallelKey() {
        return parallelKey;
    }

    /** @return branch name to failure */
    public Map<String, BranchFailure> failures() {
        return failures;
    }
}
