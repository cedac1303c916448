package io.durable.api;

import java.util.Objects;

/**
 * What sending a signal did.
 *
 * @param signalId  the stored signal's id
 * @param duplicate {@code true} when a signal with the same idempotency key had been sent to the run
 *                  before: nothing new was stored, the first one stands
 */
public record SignalReceipt(String signalId, boolean duplicate) {

    /** Validates the fields. */
    public SignalReceipt {
        Objects.requireNonNull(signalId, "signalId");
    }
}
