package io.durable.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A signal waiting to be consumed.
 *
 * @param id          the signal's id
 * @param name        its name
 * @param payloadJson its payload as JSON, or {@code null}
 * @param sentAt      when it was sent
 */
public record StoredSignal(String id, String name, String payloadJson, Instant sentAt) {

    /** Validates the fields. */
    public StoredSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sentAt, "sentAt");
    }
}
