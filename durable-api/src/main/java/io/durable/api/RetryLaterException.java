package io.durable.api;

import java.time.Duration;
import java.util.Objects;

/**
 * Thrown by a step body when the other side asked to be called again later, for example an HTTP
 * 429 or 503 with {@code Retry-After}: the step's retry policy applies, and the wait before the
 * next attempt is at least {@code retryAfter}.
 */
public class RetryLaterException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final transient Duration retryAfter;

    /**
     * Creates the exception.
     *
     * @param message    what the other side answered
     * @param retryAfter how long it asked to wait (0 to 1 day)
     */
    public RetryLaterException(String message, Duration retryAfter) {
        super(message + " (retry after " + retryAfter + ")");
        Objects.requireNonNull(retryAfter, "retryAfter");
        if (retryAfter.isNegative() || retryAfter.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("retryAfter must be 0 to 1 day, got " + retryAfter);
        }
        this.retryAfter = retryAfter;
    }

    /**
     * The shortest wait the other side asked for.
     *
     * @return the wait
     */
    public Duration retryAfter() {
        return retryAfter;
    }
}
