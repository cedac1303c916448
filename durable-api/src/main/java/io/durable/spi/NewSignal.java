package io.durable.spi;

import io.durable.api.RunId;

import java.time.Instant;
import java.util.Objects;

/**
 * A signal to store for a run.
 *
 * @param id             the signal's id
 * @param runId          the run
 * @param name           the signal's name
 * @param payloadJson    the payload as JSON, or {@code null}
 * @param idempotencyKey a key that makes a repeated send a no-op, or {@code null}
 * @param sentAt         when it was sent
 */
public record NewSignal(String id, RunId runId, String name, String payloadJson, String idempotencyKey,
                        Instant sentAt) {

    /** The longest idempotency key stored. */
    public static final int MAX_IDEMPOTENCY_KEY = 200;

    /** Validates the fields. */
    public NewSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sentAt, "sentAt");
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_IDEMPOTENCY_KEY)) {
            throw new IllegalArgumentException("An idempotency key must be 1 to " + MAX_IDEMPOTENCY_KEY
                    + " characters, got " + idempotencyKey.length());
        }
    }
}
