package io.durable.api;

/**
 * The outcome of a journaled step.
 */
public enum StepStatus {
    /** The step returned; its result is journaled and is returned on replay. */
    COMPLETED,
    /** The step threw; its error is journaled and is rethrown on replay. */
    FAILED
}
