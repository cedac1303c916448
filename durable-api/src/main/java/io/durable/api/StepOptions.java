package io.durable.api;

import java.util.Objects;

/**
 * How a step given as a lambda ({@link DurableContext#step}) runs: what {@link DurableStep} says of
 * a method.
 *
 * @param transactional whether the body and its journal entry share one transaction
 * @param retry         the retry preset or configured policy (see {@link RetryPolicy})
 */
public record StepOptions(boolean transactional, String retry) {

    /** A plain step without retries. */
    public static final StepOptions PLAIN = new StepOptions(false, "none");
    /** A transactional step without retries. */
    public static final StepOptions TRANSACTIONAL = new StepOptions(true, "none");

    /** Validates the policy name. */
    public StepOptions {
        Objects.requireNonNull(retry, "retry");
    }

    /**
     * A plain step retried with a policy.
     *
     * @param retry the policy's name, for example {@code rateLimit}
     * @return the options
     */
    public static StepOptions retrying(String retry) {
        return new StepOptions(false, retry);
    }
}
