package io.durable.spi;

import io.durable.api.RunId;

import java.time.Instant;
import java.util.List;

/**
 * The engine's entry points for schedulers: the periodic sweep, a timer that fired, and re-arming
 * timers at start-up. The engine sweeps periodically itself; a timer module calls {@link #wake}.
 */
public interface RecoverySweep {

    /**
     * Claims and starts what is due, as far as this node has free execution slots: pending runs,
     * parked runs whose wake time passed, parked runs whose awaited signal arrived, runs whose lease
     * expired.
     */
    void sweep();

    /**
     * A wake-up timer fired: resume the run here at once when it is due and a slot is free (otherwise
     * the sweep takes it).
     *
     * @param runId the run
     */
    void wake(RunId runId);

    /**
     * The wake-ups that should have a timer: parked runs with a wake time, soonest first.
     *
     * @param limit at most this many
     * @return run ids with their wake times
     */
    List<Wake> upcomingWakes(int limit);

    /**
     * A parked run's wake time.
     *
     * @param runId  the run
     * @param wakeAt when it is due
     */
    record Wake(RunId runId, Instant wakeAt) {
    }
}
