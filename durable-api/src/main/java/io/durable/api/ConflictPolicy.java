package io.durable.api;

/**
 * What starting a run does when its workflow already has a run for the instance id. The engine's
 * default is configured with {@code durable.engine.conflict-policy}; a start call can override it.
 * Whatever the policy, an existing run of an incompatible workflow version is an error
 * ({@link IncompatibleVersionException}).
 */
public enum ConflictPolicy {
    /** Refuse with {@link DuplicateInstanceException} (the default): a known instance resumes by itself. */
    FAIL,
    /** Return the existing run, finished or not, and start nothing: for triggers that may fire twice. */
    USE_EXISTING,
    /**
     * Cancel the existing run (when it has not finished) and start a fresh one under the same instance
     * id; the old run stays readable by its run id.
     */
    TERMINATE_EXISTING
}
