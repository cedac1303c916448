package io.durable.cdi.internal.sync;

import java.util.List;

/**
 * The beans this package contributes (the sync lifecycle), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class SyncBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            DefaultSyncs.class);

    private SyncBeans() {
    }
}
