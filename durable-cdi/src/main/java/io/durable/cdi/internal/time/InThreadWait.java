package io.durable.cdi.internal.time;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;

/**
 * Waits on the run's thread for a short retry back-off (longer ones park the run instead), ending
 * early when the run is cancelled, loses its lease or is paused. A bean of its own so tests with a
 * manual clock can replace the wait.
 */
@ApplicationScoped
public class InThreadWait {

    /**
     * Waits outside a run (a plain sync's retry back-off).
     *
     * @param wait how long
     * @throws InterruptedException when the engine stops meanwhile
     */
    public void await(Duration wait) throws InterruptedException {
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait.toMillis());
        }
    }

    /**
     * Waits on a run's thread, ending early when the execution must stop (cancelled, lease lost) or
     * pause: the caller checks which before anything else runs.
     *
     * @param execution the run's execution
     * @param wait      how long at most
     * @throws InterruptedException when the engine stops meanwhile
     */
    public void await(Interruptible execution, Duration wait) throws InterruptedException {
        if (!wait.isNegative() && !wait.isZero()) {
            execution.awaitUnlessStopped(wait);
        }
    }
}
