package io.durable.cdi.internal.time;

import java.time.Duration;

/** Something that waits on a run's thread can be woken early by: a cancel, a lost lease, a pause. */
public interface Interruptible {

    /**
     * Waits until the time is up or the holder must stop or pause, whichever comes first.
     *
     * @param wait how long at most
     * @throws InterruptedException when the engine stops meanwhile
     */
    void awaitUnlessStopped(Duration wait) throws InterruptedException;
}
