package io.durable.api;

/**
 * The state of a journaled step.
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
    RETRYING,
    /**
     * The step's body is executing and tracking asked for its row early (to attach progress, calls and
     * links): the entry holds the attempt number; its outcome replaces it. Replay runs the body again.
     */
    RUNNING
}
