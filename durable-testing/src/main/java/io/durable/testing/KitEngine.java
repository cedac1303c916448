package io.durable.testing;

import io.durable.api.ConflictPolicy;
import io.durable.cdi.internal.platform.EngineSettings;
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

/**
 * The engine's configuration in a {@link WorkflowTest}: the test clock, and settings under which
 * nothing happens by itself in real time. The periodic sweep comes once an hour of real time (the kit
 * sweeps when the test moves the clock or waits); a run that cannot be recovered (its input no longer
 * reads) is blocked at the first attempt, with the reason; retry waits of up to 2 seconds move the
 * test clock instead of waiting, longer ones park the run until the test moves the clock.
 */
@ApplicationScoped
@Alternative
@Priority(KitEngine.PRIORITY)
class KitEngine {

    /** Above the application's own alternatives for the engine's beans, which a test should not need. */
    static final int PRIORITY = 5000;

    static final Duration IN_THREAD_RETRY_MAX = Duration.ofSeconds(2);

    /** The test's clock, a bean the extension adds for each test. */
    @Inject
    TestClock clock;

    @Produces
    @EngineClock
    @Alternative
    @Priority(PRIORITY)
    Clock engineClock() {
        return clock;
    }

    @Produces
    @Alternative
    @Priority(PRIORITY)
    EngineSettings settings() {
        return new EngineSettings("durable-test", 4, Duration.ofSeconds(30), Duration.ofHours(1), IN_THREAD_RETRY_MAX,
                256 * 1024, ConflictPolicy.FAIL, 1);
    }

    /** In-thread retry waits move the test clock instead of waiting. */
    @ApplicationScoped
    @Alternative
    @Priority(PRIORITY)
    static class MovingClockWait extends InThreadWait {

        @Inject
        TestClock clock;

        @Override
        public void await(Duration wait) {
            clock.advance(wait);
        }

        @Override
        public void await(Interruptible execution, Duration wait) {
            clock.advance(wait);
        }
    }
}
