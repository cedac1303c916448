package io.durable.api;

/**
 * A run's lifecycle, as synchronous CDI events the application observes:
 * {@code void onFinish(@Observes RunFinished event)}. Observers of the notifications run after the
 * engine stored what they report; an exception they throw is logged and does not disturb the run.
 * Observers of {@link RunStarting} run before anything is stored and may veto the start.
 */
public sealed interface RunEvent permits RunStarting, RunStarted, StepCompleted, RunFinished {

    /**
     * The workflow of the run.
     *
     * @return its name
     */
    String workflowName();
}
