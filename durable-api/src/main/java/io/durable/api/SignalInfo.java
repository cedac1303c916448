package io.durable.api;

import java.time.Instant;
import java.util.Objects;

/**
 * A signal sent to a run, as an operator sees it.
 *
 * @param id          the signal's id
 * @param name        the signal's name
 * @param payloadJson its payload as JSON, or {@code null} for none
 * @param sentAt      when it was stored
 * @param consumed    whether the workflow has received it
 */
public record SignalInfo(String id, String name, String payloadJson, Instant sentAt, boolean consumed) {

    /** Checks the required fields. */
    public SignalInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
