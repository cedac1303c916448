package io.durable.ops.ui;

import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Where the dashboard reads its settings: MicroProfile Config when the server has its API and an
 * implementation, else system properties. Only {@link MicroProfileLookup} names a MicroProfile type, and
 * it is loaded only after the API was found, so the dashboard works on a server without MicroProfile.
 */
final class SettingsLookup {

    private static final Logger LOG = Logger.getLogger(SettingsLookup.class.getName());
    private static final String CONFIG_PROVIDER = "org.eclipse.microprofile.config.ConfigProvider";

    private SettingsLookup() {
    }

    /**
     * The lookup for the application whose class loader is given.
     *
     * @param loader the application's class loader (it sees its {@code microprofile-config.properties})
     * @return a function from a key to its value, if set
     */
    static Function<String, Optional<String>> of(ClassLoader loader) {
        try {
            Class.forName(CONFIG_PROVIDER, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.fine("No MicroProfile Config API; the dashboard reads system properties");
            return SettingsLookup::systemProperty;
        }
        try {
            return MicroProfileLookup.of(loader);
        } catch (RuntimeException | LinkageError e) {
            LOG.fine(() -> "No MicroProfile Config implementation (" + e + "); the dashboard reads system properties");
            return SettingsLookup::systemProperty;
        }
    }

    static Optional<String> systemProperty(String key) {
        return Optional.ofNullable(System.getProperty(key));
    }
}
