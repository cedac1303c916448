package io.durable.spi;

import io.durable.api.Limit;
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

    /**
     * Validates the fields.
     *
     * @throws IllegalArgumentException when the idempotency key is blank
     * @throws io.durable.api.LimitExceededException when it is over {@link Limit#IDEMPOTENCY_KEY}
     */
    public NewSignal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(sentAt, "sentAt");
        if (idempotencyKey != null && idempotencyKey.isBlank()) {
            throw new IllegalArgumentException("An idempotency key must not be blank");
        }
        Limit.IDEMPOTENCY_KEY.check(idempotencyKey);
    }
}
