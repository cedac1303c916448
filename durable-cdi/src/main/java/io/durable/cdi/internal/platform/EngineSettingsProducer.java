package io.durable.cdi.internal.platform;

import io.durable.api.ConflictPolicy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

import java.net.InetAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * Produces the {@link EngineSettings} from MicroProfile Config (system properties, environment,
 * {@code microprofile-config.properties}); without a Config implementation, from system properties,
 * else the defaults.
 */
@ApplicationScoped
public class EngineSettingsProducer {

    static final String PREFIX = "durable.engine.";
    private static final Logger LOG = Logger.getLogger(EngineSettingsProducer.class.getName());

    private volatile EngineSettings settings;

    /** Dependent scope (a record cannot be proxied); read once and kept by this bean. */
    @Produces
    EngineSettings settings() {
        EngineSettings read = settings;
        if (read == null) {
            read = read();
            settings = read;
        }
        return read;
    }

    private EngineSettings read() {
        Optional<Config> config = config();
        String nodeId = read(config, "node-id", Function.identity()).orElseGet(EngineSettingsProducer::defaultNodeId);
        EngineSettings d = EngineSettings.defaults(nodeId);
        return new EngineSettings(nodeId,
                read(config, "max-concurrent-runs", Integer::parseInt).orElse(d.maxConcurrentRuns()),
                read(config, "lease-duration", EngineSettingsProducer::duration).orElse(d.leaseDuration()),
                read(config, "sweep-interval", EngineSettingsProducer::duration).orElse(d.sweepInterval()),
                read(config, "retry-in-thread-max", EngineSettingsProducer::duration).orElse(d.inThreadRetryMax()),
                read(config, "max-payload-bytes", Integer::parseInt).orElse(d.maxPayloadBytes()),
                read(config, "conflict-policy", v -> ConflictPolicy.valueOf(v.toUpperCase(java.util.Locale.ROOT)))
                        .orElse(d.conflictPolicy()),
                read(config, "max-recovery-attempts", Integer::parseInt).orElse(d.maxRecoveryAttempts()),
                read(config, "journal-lanes", Integer::parseInt).orElse(d.journalLanes()));
    }

    public static Optional<Config> config() {
        try {
            return Optional.of(ConfigProvider.getConfig());
        } catch (RuntimeException | LinkageError e) {
            LOG.fine("No MicroProfile Config implementation; the engine reads system properties and its defaults");
            return Optional.empty();
        }
    }

    private static <T> Optional<T> read(Optional<Config> config, String key, Function<String, T> parse) {
        // without a MicroProfile Config implementation, system properties (-Ddurable.engine....) apply
        Optional<String> raw = config.isPresent()
                ? config.flatMap(c -> c.getOptionalValue(PREFIX + key, String.class))
                : Optional.ofNullable(System.getProperty(PREFIX + key));
        try {
            return raw.map(String::trim).map(parse);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid value '" + raw.orElse("") + "' for " + PREFIX + key + ": "
                    + e.getMessage(), e);
        }
    }

    /** Accepts ISO-8601 ({@code PT30S}) or a number of seconds ({@code 30}). */
    public static Duration duration(String text) {
        try {
            return text.chars().allMatch(Character::isDigit) ? Duration.ofSeconds(Long.parseLong(text)) : Duration.parse(text);
        } catch (DateTimeParseException | NumberFormatException e) {
            throw new IllegalArgumentException("expected seconds or an ISO-8601 duration such as PT30S", e);
        }
    }

    private static String defaultNodeId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            host = "node";
        }
        String id = host + "-" + UUID.randomUUID().toString().substring(0, 8);
        return id.length() > 100 ? id.substring(id.length() - 100) : id;
    }
}
