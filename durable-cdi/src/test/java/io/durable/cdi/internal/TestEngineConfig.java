package io.durable.cdi.internal;

import io.durable.spi.EngineClock;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Test configuration: a manual clock, two execution slots, and a poll interval so long that only the
 * start-up poll happens by itself (tests poll explicitly).
 */
@ApplicationScoped
@Alternative
@Priority(1000)
class TestEngineConfig {

    static final Instant START = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration LEASE = Duration.ofSeconds(30);

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
        return new EngineSettings("test-node", 2, LEASE, Duration.ofHours(1));
    }

    ManualClock manualClock() {
        return clock;
    }
}
