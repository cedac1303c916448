package io.durable.cdi.internal.tracking;

import java.util.List;

/**
 * The beans this package contributes (the owners and the run tracker), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class TrackingBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            TrackingOwners.class,
            DefaultRunTracker.class);

    private TrackingBeans() {
    }
}
