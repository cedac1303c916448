package io.durable.cdi.internal.time;

import io.durable.api.RetryPolicy;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The back-off schedule of every preset, jitter bounds, and policies from MicroProfile Config. */
class RetryPolicyTest {

    private static List<Long> schedule(RetryPolicy policy) {
        List<Long> seconds = new ArrayList<>();
        for (int failed = 1; policy.allowsRetryAfter(failed); failed++) {
            seconds.add(policy.nominalDelay(failed).toMillis() / 1000);
        }
        return seconds;
    }

    @Test
    void each_preset_backs_off_exponentially_up_to_its_cap_for_its_attempts() {
        assertEquals(List.of(1L, 2L), schedule(RetryPolicy.FAST));
        assertEquals(List.of(2L, 4L, 8L, 16L), schedule(RetryPolicy.STANDARD));
        assertEquals(List.of(5L, 15L, 45L, 135L, 300L, 300L, 300L), schedule(RetryPolicy.RATE_LIMIT));
        assertEquals(List.of(10L, 20L, 40L), schedule(RetryPolicy.DNS));
        assertEquals(List.of(30L, 45L, 67L, 101L, 151L, 227L, 341L, 512L, 600L), schedule(RetryPolicy.VERIFICATION));
        assertEquals(List.of(), schedule(RetryPolicy.NONE));
        assertEquals(Duration.ofMillis(67_500), RetryPolicy.VERIFICATION.nominalDelay(3));
    }

    @Test
    void jitter_takes_at_most_its_share_off_the_nominal_wait() {
        Duration nominal = RetryPolicy.STANDARD.nominalDelay(3);
        assertEquals(nominal, RetryPolicy.STANDARD.delay(3, 0.0));
        assertEquals(Duration.ofMillis(6_400), RetryPolicy.STANDARD.delay(3, 1.0));
        Duration middle = RetryPolicy.STANDARD.delay(3, 0.5);
        assertTrue(middle.compareTo(Duration.ofMillis(6_400)) > 0 && middle.compareTo(nominal) < 0);
    }

    @Test
    void absurd_policies_are_refused_with_the_value_named() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(0, Duration.ZERO, Duration.ZERO, 1, 0))
                .getMessage().contains("max-attempts"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(-1),
                Duration.ZERO, 1, 0)).getMessage().contains("initial-delay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(1),
                Duration.ofDays(30), 2, 0)).getMessage().contains("max-delay"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new RetryPolicy(3, Duration.ofSeconds(1),
                Duration.ofSeconds(5), 0.5, 0)).getMessage().contains("multiplier"));
    }

    private static Optional<Config> config(Map<String, String> values) {
        return Optional.of(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(values, "test", 500)).build());
    }

    @Test
    void presets_are_overridden_and_new_policies_defined_through_microprofile_config() {
        RetryPolicies policies = new RetryPolicies(config(Map.of(
                "durable.retry.fast.max-attempts", "5",
                "durable.retry.partner-api.max-attempts", "4",
                "durable.retry.partner-api.initial-delay", "PT0.5S",
                "durable.retry.partner-api.multiplier", "3")));

        RetryPolicy fast = policies.policy("fast");
        assertEquals(5, fast.maxAttempts());
        assertEquals(Duration.ofSeconds(1), fast.initialDelay());
        RetryPolicy partner = policies.policy("partner-api");
        assertEquals(4, partner.maxAttempts());
        assertEquals(Duration.ofMillis(1500), partner.nominalDelay(2));
        assertEquals(RetryPolicy.STANDARD, policies.policy("standard"));
    }

    @Test
    void an_unknown_or_badly_configured_policy_is_an_error_naming_it() {
        RetryPolicies policies = new RetryPolicies(config(Map.of("durable.retry.dns.multiplier", "fast")));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> policies.policy("nonsense")).getMessage()
                .contains("retry policy 'nonsense' is neither a preset"));
        String message = assertThrows(IllegalArgumentException.class, () -> policies.policy("dns")).getMessage();
        assertTrue(message.contains("durable.retry.dns") && message.contains("multiplier"), message);
        assertFalse(new RetryPolicies(Optional.empty()).policy("rateLimit").allowsRetryAfter(8));
    }
}
