package io.durable.sample;

import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;
import java.util.Properties;

/**
 * The sample's own settings, on any Jakarta EE server: from MicroProfile Config where the server has
 * it (Payara), otherwise from system properties ({@code -Dsample.crm.total=...}) and then
 * {@code META-INF/microprofile-config.properties}, the file MicroProfile Config would read. GlassFish
 * and some others ship no MicroProfile Config, where {@code @ConfigProperty} injection fails the
 * deployment.
 */
public final class SampleSettings {

    private static final String FILE = "META-INF/microprofile-config.properties";

    private SampleSettings() {
    }

    /** The value of {@code key}, or {@code defaultValue} where no source has it. */
    public static String get(String key, String defaultValue) {
        return fromConfig(key).or(() -> Optional.ofNullable(System.getProperty(key)))
                .or(() -> Optional.ofNullable(file().getProperty(key)))
                .orElse(defaultValue);
    }

    /** The value of {@code key} as a number, or {@code defaultValue}. */
    public static long number(String key, long defaultValue) {
        return Long.parseLong(get(key, Long.toString(defaultValue)).trim());
    }

    private static Optional<String> fromConfig(String key) {
        try {
            return ConfigProvider.getConfig().getOptionalValue(key, String.class);
        } catch (LinkageError | RuntimeException noMicroProfileConfig) {
            return Optional.empty();
        }
    }

    private static Properties file() {
        Properties properties = new Properties();
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(FILE)) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + FILE, e);
        }
        return properties;
    }
}
