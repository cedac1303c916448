package io.durable.cdi.internal.time;

import java.util.List;

/**
 * The beans this package contributes (the clock, the in-thread wait and the wake-ups), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class TimeBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            SystemClockProducer.class,
            InThreadWait.class,
            WakeUps.class);

    private TimeBeans() {
    }
}
