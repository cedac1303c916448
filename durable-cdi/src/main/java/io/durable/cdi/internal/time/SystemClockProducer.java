package io.durable.cdi.internal.time;

import io.durable.spi.EngineClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/**
 * The clock the engine reads: this node's UTC time aligned to the database's ({@link DatabaseClock}),
 * unless an {@code @Alternative} producer replaces it (tests use a manual clock).
 */
@ApplicationScoped
class SystemClockProducer {

    private final DatabaseClock clock = new DatabaseClock(Clock.systemUTC());

    @Produces
    @EngineClock
    Clock clock() {
        return clock;
    }
}
