package io.durable.ops.ui;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.util.Optional;
import java.util.function.Function;

/** The settings from MicroProfile Config; loaded only where its API is on the class path. */
final class MicroProfileLookup {

    private MicroProfileLookup() {
    }

    static Function<String, Optional<String>> of(ClassLoader loader) {
        Config config = ConfigProvider.getConfig(loader);
        return key -> config.getOptionalValue(key, String.class);
    }
}
