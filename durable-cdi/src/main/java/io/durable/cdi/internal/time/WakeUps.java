package io.durable.cdi.internal.time;

import io.durable.api.RunId;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.spi.EngineClock;
import io.durable.spi.WakeUpTimers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Arms a timer for each parked run's wake-up: a persistent timer when a {@link WakeUpTimers} bean
 * exists (durable-ejb-timers), otherwise an in-memory one on the engine's scheduler, and only for
 * wake-ups within {@link #LOCAL_HORIZON} (the sweep wakes later ones, so memory does not grow with
 * the number of parked runs). Timers only make wake-ups prompt; the store is the truth.
 */
@ApplicationScoped
public class WakeUps {

    /** In-memory timers are armed only this far ahead. */
    public static final Duration LOCAL_HORIZON = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(WakeUps.class.getName());

    @Inject
    Instance<WakeUpTimers> persistent;

    @Inject
    EngineThreads threads;

    @Inject
    @EngineClock
    Clock clock;

    private final Map<RunId, ScheduledFuture<?>> local = new ConcurrentHashMap<>();

    /** Arms the wake-up; {@code onDue} runs when it fires (in-memory timers only). */
    public void arm(RunId runId, Instant wakeAt, Runnable onDue) {
        // a wake-up due now (a new slice, a signal that came first) needs no persistent timer: the run row
        // is due in the database already, and Payara's timer store refuses timers that expire at once
        boolean dueNow = !wakeAt.isAfter(clock.instant().plusSeconds(1));
        if (persistent.isResolvable() && !dueNow) {
            try {
                persistent.get().arm(runId, wakeAt);
                return;
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not arm a persistent timer for run " + runId
                        + "; using an in-memory one (the sweep covers a restart)");
            }
        }
        Duration delay = Duration.between(clock.instant(), wakeAt);
        if (delay.compareTo(LOCAL_HORIZON) > 0 || threads.scheduler() == null) {
            return;
        }
        try {
            ScheduledFuture<?> timer = threads.scheduler().schedule(() -> {
                local.remove(runId);
                onDue.run();
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = local.put(runId, timer);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Engine stopping; run " + runId + " wakes through the sweep");
        }
    }

    /** Removes the run's wake-up on this node, if any. */
    public void disarm(RunId runId) {
        ScheduledFuture<?> timer = local.remove(runId);
        if (timer != null) {
            timer.cancel(false);
        }
        if (persistent.isResolvable()) {
            try {
                persistent.get().disarm(runId);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, e, () -> "Could not remove the timer of run " + runId + "; it fires into nothing");
            }
        }
    }

    /** Whether wake-ups use persistent timers. */
    public boolean persistentTimers() {
        return persistent.isResolvable();
    }
}
