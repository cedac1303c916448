package io.durable.sample.time;

/**
 * An approver's decision, sent to an expense run as the signal {@code decision}.
 *
 * @param approver who decided
 * @param approved yes or no
 */
public record Decision(String approver, boolean approved) {
}
