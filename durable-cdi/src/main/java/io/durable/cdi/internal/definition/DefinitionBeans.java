package io.durable.cdi.internal.definition;

import java.util.List;

/**
 * The beans this package contributes (the input binding and strict reading of new input), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class DefinitionBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            Inputs.class, NewInput.class);

    private DefinitionBeans() {
    }
}
