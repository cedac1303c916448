package io.durable.cdi.internal.json;

import java.util.List;

/**
 * The beans this package contributes (the codec), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class JsonBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            JsonCodec.class);

    private JsonBeans() {
    }
}
