package io.durable.api;

/**
 * The outcome of a journaled step.
 */
public enum StepStatus {
    /** The step returned; its result is journaled and is returned on replay. */
    COMPLETED,
    /** The step threw; its error is journaled and is rethrown on replay. */
    FAILED,
    /**
     * An attempt threw and another follows: the entry holds the attempt number, its error, and (as
     * its result) the time of the next attempt. A later attempt replaces the entry.
     */
    RETRYING
}
