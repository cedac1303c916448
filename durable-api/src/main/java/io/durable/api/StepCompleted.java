package io.durable.api;

/**
 * A step ran and its result was journaled (replays of journaled steps fire nothing).
 *
 * @param runId        the run
 * @param workflowName its workflow
 * @param step         the journal entry
 */
public record StepCompleted(RunId runId, String workflowName, StepInfo step) implements RunEvent {
}
