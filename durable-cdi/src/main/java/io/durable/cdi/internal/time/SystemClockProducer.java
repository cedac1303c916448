package io.durable.cdi.internal.time;

import io.durable.spi.EngineClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;

/** The clock the engine reads: UTC system time, unless an {@code @Alternative} producer replaces it. */
@ApplicationScoped
class SystemClockProducer {

    @Produces
    @EngineClock
    Clock clock() {
        return Clock.systemUTC();
    }
}
