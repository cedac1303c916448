package io.durable.api;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How a failing step is retried: up to {@code maxAttempts} attempts in all, the n-th retry waiting
 * {@code initialDelay * multiplier^(n-1)}, capped at {@code maxDelay}, less a random share of up to
 * {@code jitter} of it (so retries of many runs spread out). Short waits happen on the run's thread;
 * longer ones park the run on a durable timer, so they survive restarts and hold no thread.
 *
 * <p>The presets below are what {@code @DurableStep(retry = "standard")} and the like name; each
 * can be overridden through MicroProfile Config ({@code durable.retry.standard.max-attempts} and so
 * on), and further named policies can be defined there.
 *
 * @param maxAttempts  attempts in all, including the first (1 = no retry)
 * @param initialDelay the wait before the first retry
 * @param maxDelay     the longest wait
 * @param multiplier   the growth factor per retry, at least 1
 * @param jitter       the share of each wait that is random, 0 to 1
 */
public record RetryPolicy(int maxAttempts, Duration initialDelay, Duration maxDelay, double multiplier,
                          double jitter) {

    /** The longest wait a policy may have. */
    public static final Duration LONGEST_DELAY = Duration.ofDays(7);
    /** The most attempts a policy may have. */
    public static final int MOST_ATTEMPTS = 1000;

    /** The default jitter: each wait is 80 % to 100 % of its nominal value. */
    public static final double DEFAULT_JITTER = 0.2;

    /** No retry: the first failure is the step's failure. */
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1, 0);
    /** 3 attempts, 1 s growing 2x to at most 5 s. */
    public static final RetryPolicy FAST = preset(3, 1, 5, 2);
    /** 5 attempts, 2 s growing 2x to at most 60 s. */
    public static final RetryPolicy STANDARD = preset(5, 2, 60, 2);
    /** 8 attempts, 5 s growing 3x to at most 5 min: for APIs that answer 429. */
    public static final RetryPolicy RATE_LIMIT = preset(8, 5, 300, 3);
    /** 4 attempts, 10 s growing 2x to at most 2 min: for name resolution and connection failures. */
    public static final RetryPolicy DNS = preset(4, 10, 120, 2);
    /** 10 attempts, 30 s growing 1.5x to at most 10 min: for waiting on a third party to verify. */
    public static final RetryPolicy VERIFICATION = preset(10, 30, 600, 1.5);

    /** The presets by the names steps use. */
    public static final Map<String, RetryPolicy> PRESETS = Map.of(
            "none", NONE, "fast", FAST, "standard", STANDARD, "rateLimit", RATE_LIMIT, "dns", DNS,
            "verification", VERIFICATION);

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when a value is out of range, naming it
     */
    public RetryPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (maxAttempts < 1 || maxAttempts > MOST_ATTEMPTS) {
            throw new IllegalArgumentException("max-attempts must be 1 to " + MOST_ATTEMPTS + ", got " + maxAttempts);
        }
        if (initialDelay.isNegative() || initialDelay.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException("initial-delay must be 0 to " + LONGEST_DELAY + ", got " + initialDelay);
        }
        if (maxDelay.compareTo(initialDelay) < 0 || maxDelay.compareTo(LONGEST_DELAY) > 0) {
            throw new IllegalArgumentException("max-delay must be initial-delay (" + initialDelay + ") to "
                    + LONGEST_DELAY + ", got " + maxDelay);
        }
        if (!(multiplier >= 1 && multiplier <= 100)) {
            throw new IllegalArgumentException("multiplier must be 1 to 100, got " + multiplier);
        }
        if (!(jitter >= 0 && jitter <= 1)) {
            throw new IllegalArgumentException("jitter must be 0 to 1, got " + jitter);
        }
    }

    private static RetryPolicy preset(int attempts, long initialSeconds, long maxSeconds, double multiplier) {
        return new RetryPolicy(attempts, Duration.ofSeconds(initialSeconds), Duration.ofSeconds(maxSeconds),
                multiplier, DEFAULT_JITTER);
    }

    /**
     * A preset by name.
     *
     * @param name {@code none}, {@code fast}, {@code standard}, {@code rateLimit}, {@code dns} or
     *             {@code verification}
     * @return the preset, when the name is one
     */
    public static Optional<RetryPolicy> preset(String name) {
        return Optional.ofNullable(PRESETS.get(name));
    }

    /**
     * The nominal wait before a retry, without jitter.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @return the wait before attempt {@code failedAttempt + 1}
     */
    public Duration nominalDelay(int failedAttempt) {
        if (failedAttempt < 1) {
            throw new IllegalArgumentException("attempts count from 1, got " + failedAttempt);
        }
        double millis = initialDelay.toMillis() * Math.pow(multiplier, failedAttempt - 1.0);
        return millis >= maxDelay.toMillis() ? maxDelay : Duration.ofMillis(Math.round(millis));
    }

    /**
     * The wait before a retry, with jitter.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @param random        a number in [0, 1) that picks the jitter
     * @return between {@code (1 - jitter)} and all of the nominal wait
     */
    public Duration delay(int failedAttempt, double random) {
        Duration nominal = nominalDelay(failedAttempt);
        return Duration.ofMillis(Math.round(nominal.toMillis() * (1 - jitter * random)));
    }

    /**
     * Whether another attempt follows a failed one.
     *
     * @param failedAttempt the attempt that just failed, from 1
     * @return {@code true} while attempts are left
     */
    public boolean allowsRetryAfter(int failedAttempt) {
        return failedAttempt < maxAttempts;
    }
}
