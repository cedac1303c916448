package io.durable.cdi.internal;

import io.durable.api.ConflictPolicy;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.time.InThreadWait;
import io.durable.cdi.internal.time.Interruptible;
import io.durable.spi.EngineClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Test configuration: a manual clock, two execution slots, a sweep interval so long that only the
 * start-up sweep happens by itself (tests sweep explicitly), in-thread retry waits up to 2 s (they
 * move the manual clock), and a 1 KiB payload limit.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
class TestEngineConfig {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);
    static final int MAX_PAYLOAD = 1024;

    private final ManualClock clock = new ManualClock(START);

    @Produces
    @EngineClock
    @Alternative
    @Priority(1000)
    Clock clock() {
        return clock;
    }

    @Produces
    @Alternative
    @Priority(1000)
    EngineSettings settings() {
        return new EngineSettings("test-node", 2, LEASE, Duration.ofHours(1), Duration.ofSeconds(2), MAX_PAYLOAD,
                ConflictPolicy.FAIL);
    }

    ManualClock manualClock() {
        return clock;
    }

    private volatile java.util.function.Consumer<Execution> duringWait = execution -> {
    };

    /** What happens while a run's thread waits in-thread (a retry back-off): a test cancels or pauses here. */
    void onWait(java.util.function.Consumer<Execution> action) {
        duringWait = action;
    }

    void duringWait(Execution execution) {
        duringWait.accept(execution);
    }

    /** In-thread retry waits move the manual clock instead of waiting. */
    @ApplicationScoped
    @Alternative
    @Priority(1000)
    static class ManualWait extends InThreadWait {

        @Inject
        TestEngineConfig config;

        @Override
        public void await(Duration wait) {
            config.manualClock().advance(wait);
        }

        /** Moves the manual clock, then gives a cancel or pause that arrives meanwhile its chance. */
        @Override
        public void await(Interruptible execution, Duration wait) throws InterruptedException {
            config.manualClock().advance(wait);
            config.duringWait((Execution) execution);
        }
    }
}
