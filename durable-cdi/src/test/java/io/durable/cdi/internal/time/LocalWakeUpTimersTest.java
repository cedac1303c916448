package io.durable.cdi.internal.time;

import io.durable.api.RunId;
import io.durable.spi.RecoverySweep;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** In-memory wake-up timers keep a timer module's contract: fire into the sweep's wake, re-arm from its list. */
class LocalWakeUpTimersTest {

    private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final Engine engine = new Engine();
    private final LocalWakeUpTimers timers = new LocalWakeUpTimers(() -> scheduler,
            Clock.fixed(NOW, ZoneOffset.UTC), engine);

    LocalWakeUpTimersTest() {
        scheduler.setRemoveOnCancelPolicy(true);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void a_timer_that_fires_wakes_the_run_through_the_recovery_sweep() throws InterruptedException {
        RunId run = RunId.random();
        timers.arm(run, NOW);
        assertEquals(run, engine.woken.poll(10, TimeUnit.SECONDS), "the fired timer called RecoverySweep.wake");
    }

    @Test
    void a_wake_up_beyond_the_horizon_gets_no_timer_and_is_left_to_the_sweep() {
        timers.arm(RunId.random(), NOW.plus(LocalWakeUpTimers.HORIZON).plusSeconds(1));
        assertTrue(scheduler.getQueue().isEmpty(), "nothing scheduled");
    }

    @Test
    void disarming_cancels_the_timer() {
        timers.arm(RunId.random(), NOW.plus(Duration.ofMinutes(5)));
        RunId run = RunId.random();
        timers.arm(run, NOW.plus(Duration.ofMinutes(5)));
        timers.disarm(run);
        assertEquals(1, scheduler.getQueue().size(), "only the other run's timer is left");
    }

    @Test
    void rearming_at_start_up_arms_the_upcoming_wake_ups_within_the_horizon_only() throws InterruptedException {
        RunId due = RunId.random();
        engine.upcoming.add(new RecoverySweep.Wake(due, NOW.minusSeconds(1)));
        engine.upcoming.add(new RecoverySweep.Wake(RunId.random(), NOW.plus(Duration.ofMinutes(20))));
        timers.rearm();
        assertEquals(due, engine.woken.poll(10, TimeUnit.SECONDS), "the due run is woken");
        assertTrue(scheduler.getQueue().isEmpty(), "the later one is left to the sweep");
        assertEquals(List.of(LocalWakeUpTimers.REARM_LIMIT), engine.limits, "asked once, for a bounded list");
    }

    /** Records what the timers ask of the engine. */
    private static final class Engine implements RecoverySweep {
        final BlockingQueue<RunId> woken = new LinkedBlockingQueue<>();
        final List<Wake> upcoming = new ArrayList<>();
        final List<Integer> limits = new ArrayList<>();

        @Override
        public void sweep() {
        }

        @Override
        public void wake(RunId runId) {
            woken.add(runId);
        }

        @Override
        public List<Wake> upcomingWakes(int limit) {
            limits.add(limit);
            return upcoming;
        }
    }
}
