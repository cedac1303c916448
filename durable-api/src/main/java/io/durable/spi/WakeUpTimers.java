package io.durable.spi;

import io.durable.api.RunId;

import java.time.Instant;

/**
 * Persistent timers for wake-ups (for example EJB persistent timers, in {@code durable-ejb-timers}).
 * When a bean of this type exists, the engine arms one per parked run with a wake time; without one,
 * it uses an in-memory scheduler. Either way the store stays the truth: the sweep wakes whatever a
 * timer missed, so a timer only makes a wake-up prompt.
 *
 * <p>A timer that fires calls {@link RecoverySweep#wake(RunId)}.
 */
public interface WakeUpTimers {

    /**
     * Arms (or re-arms) the wake-up of a run.
     *
     * @param runId  the run
     * @param wakeAt when it is due
     */
    void arm(RunId runId, Instant wakeAt);

    /**
     * Removes a run's wake-up, if this node has one.
     *
     * @param runId the run
     */
    void disarm(RunId runId);
}
