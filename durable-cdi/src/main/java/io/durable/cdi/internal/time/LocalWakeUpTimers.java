package io.durable.cdi.internal.time;

import io.durable.api.RunId;
import io.durable.spi.RecoverySweep;
import io.durable.spi.WakeUpTimers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Wake-ups on in-memory timers, on the engine's scheduler, where no persistent {@link WakeUpTimers}
 * bean exists. They keep the contract of a timer module such as durable-ejb-timers: a timer that
 * fires calls {@link RecoverySweep#wake}, and at start-up the timers are re-armed from
 * {@link RecoverySweep#upcomingWakes}, since they died with the previous process. Only wake-ups
 * within {@link #HORIZON} get one (the sweep wakes later ones), so memory does not grow with the
 * number of parked runs.
 */
final class LocalWakeUpTimers implements WakeUpTimers {

    /** In-memory timers are armed only this far ahead. */
    static final Duration HORIZON = Duration.ofMinutes(10);
    /** How many wake-ups get an in-memory timer at start-up, at most. */
    static final int REARM_LIMIT = 10_000;
    private static final Logger LOG = Logger.getLogger(LocalWakeUpTimers.class.getName());

    private final Supplier<ScheduledExecutorService> scheduler;
    private final Clock clock;
    private final RecoverySweep engine;
    private final Map<RunId, ScheduledFuture<?>> timers = new ConcurrentHashMap<>();

    /**
     * @param scheduler the engine's scheduler, {@code null} while the engine is not started
     * @param clock     the engine's clock
     * @param engine    what a fired timer calls
     */
    LocalWakeUpTimers(Supplier<ScheduledExecutorService> scheduler, Clock clock, RecoverySweep engine) {
        this.scheduler = scheduler;
        this.clock = clock;
        this.engine = engine;
    }

    @Override
    public void arm(RunId runId, Instant wakeAt) {
        Duration delay = Duration.between(clock.instant(), wakeAt);
        ScheduledExecutorService executor = scheduler.get();
        if (delay.compareTo(HORIZON) > 0 || executor == null) {
            return;
        }
        try {
            ScheduledFuture<?> timer = executor.schedule(() -> {
                timers.remove(runId);
                engine.wake(runId);
            }, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
            ScheduledFuture<?> previous = timers.put(runId, timer);
            if (previous != null) {
                previous.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            LOG.fine(() -> "Engine stopping; run " + runId + " wakes through the sweep");
        }
    }

    @Override
    public void disarm(RunId runId) {
        ScheduledFuture<?> timer = timers.remove(runId);
        if (timer != null) {
            timer.cancel(false);
        }
    }

    /** Re-arms the timers of the wake-ups within the horizon, soonest first. */
    void rearm() {
        Instant horizon = clock.instant().plus(HORIZON);
        for (RecoverySweep.Wake wake : engine.upcomingWakes(REARM_LIMIT)) {
            if (wake.wakeAt().isAfter(horizon)) {
                break;
            }
            arm(wake.runId(), wake.wakeAt());
        }
    }
}
