package io.durable.cdi.internal.time;

import io.durable.api.RetryLaterException;
import io.durable.api.RetryPolicy;
import io.durable.cdi.internal.platform.EngineSettingsProducer;
import org.eclipse.microprofile.config.Config;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Resolves the retry policy a step names: a preset of {@link RetryPolicy}, with any value overridden
 * through MicroProfile Config ({@code durable.retry.NAME.max-attempts}, {@code .initial-delay},
 * {@code .max-delay}, {@code .multiplier}, {@code .jitter}), or a policy defined there alone (its
 * unset values are the standard preset's). Resolved once per name, at deployment.
 */
public final class RetryPolicies {

    static final String PREFIX = "durable.retry.";
    private static final String[] KEYS = {"max-attempts", "initial-delay", "max-delay", "multiplier", "jitter"};

    private final Optional<Config> config;
    private final Map<String, RetryPolicy> resolved = new ConcurrentHashMap<>();

    public RetryPolicies(Optional<Config> config) {
        this.config = config;
    }

    /**
     * The policy of a name.
     *
     * @throws IllegalArgumentException when the name is neither a preset nor configured, or a value is invalid
     */
    public RetryPolicy policy(String name) {
        RetryPolicy known = resolved.get(name);
        if (known != null) {
            return known;
        }
        RetryPolicy policy = resolve(name);
        resolved.put(name, policy);
        return policy;
    }

    private RetryPolicy resolve(String name) {
        Optional<RetryPolicy> preset = RetryPolicy.preset(name);
        boolean configured = false;
        for (String key : KEYS) {
            configured |= raw(name, key).isPresent();
        }
        if (preset.isEmpty() && !configured) {
            throw new IllegalArgumentException("retry policy '" + name + "' is neither a preset "
                    + RetryPolicy.PRESETS.keySet() + " nor configured under " + PREFIX + name + ".*");
        }
        RetryPolicy base = preset.orElse(RetryPolicy.STANDARD);
        try {
            return new RetryPolicy(
                    value(name, "max-attempts", Integer::parseInt).orElse(base.maxAttempts()),
                    value(name, "initial-delay", EngineSettingsProducer::duration).orElse(base.initialDelay()),
                    value(name, "max-delay", EngineSettingsProducer::duration).orElse(base.maxDelay()),
                    value(name, "multiplier", Double::parseDouble).orElse(base.multiplier()),
                    value(name, "jitter", Double::parseDouble).orElse(base.jitter()));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("retry policy '" + name + "' (" + PREFIX + name + ".*): " + e.getMessage(), e);
        }
    }

    /**
     * The wait before the attempt after a failed one: the policy's delay with jitter, but at least the
     * Retry-After of a {@link RetryLaterException}.
     */
    public static Duration waitAfter(RetryPolicy policy, int failedAttempt, Throwable failure) {
        Duration wait = policy.delay(failedAttempt, ThreadLocalRandom.current().nextDouble());
        if (failure instanceof RetryLaterException later && later.retryAfter().compareTo(wait) > 0) {
            return later.retryAfter(); // the other side asked for a longer wait
        }
        return wait;
    }

    private Optional<String> raw(String name, String key) {
        return config.flatMap(c -> c.getOptionalValue(PREFIX + name + "." + key, String.class)).map(String::trim);
    }

    private <T> Optional<T> value(String name, String key, Function<String, T> parse) {
        Optional<String> raw = raw(name, key);
        try {
            return raw.map(parse);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("invalid value '" + raw.orElse("") + "' for " + key + ": " + e.getMessage(), e);
        }
    }
}
