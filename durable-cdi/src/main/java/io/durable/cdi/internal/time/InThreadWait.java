package io.durable.cdi.internal.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Waits on the run's thread for a short retry back-off (longer ones park the run instead). A bean of
 * its own so tests with a manual clock can replace the wait.
 */
@ApplicationScoped
public class InThreadWait {

    /**
     * Waits.
     *
     * @param wait how long
     * @throws InterruptedException when the engine stops meanwhile
     */
    public void await(Duration wait) throws InterruptedException {
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
    }
}
