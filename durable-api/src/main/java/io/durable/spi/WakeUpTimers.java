package io.durable.spi;

import io.durable.api.RunId;

import java.time.Instant;
import java.util.List;

/**
 * Persistent timers for wake-ups (for example EJB persistent timers, in {@code durable-ejb-timers}).
 * When a bean of this type exists, the engine arms one per parked run with a wake time; without one,
 * it uses an in-memory scheduler. Either way the store stays the truth: the sweep wakes whatever a
 * timer missed, so a timer only makes a wake-up prompt.
 *
 * <p>A timer that fires calls {@link RecoverySweep#wake(RunId)}. The engine calls {@link #rearm} once
 * when it has started, from the module whose environment holds the store's persistence context:
 * a timer module must not read the store itself (its own module may have no such context, as an EAR's
 * EJB module on GlassFish has not).
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

    /**
     * Arms the wake-ups that this node's timer store lacks, once, when the engine has started. A store
     * that keeps timers across restarts (Payara Server's and GlassFish's database) already has most of
     * them; one that keeps them in memory (Payara Micro's data grid of one member) has none after a
     * crash. The default arms each.
     *
     * @param upcoming parked runs' wake-ups from the store, soonest first (at most the engine's re-arm
     *                 limit of 10,000; the sweep wakes the rest when they are due)
     */
    default void rearm(List<RecoverySweep.Wake> upcoming) {
        upcoming.forEach(wake -> arm(wake.runId(), wake.wakeAt()));
    }
}
