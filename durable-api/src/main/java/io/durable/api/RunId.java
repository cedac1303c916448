package io.durable.api;

import java.util.Objects;
import java.util.UUID;

/**
 * The engine-assigned identity of one run.
 *
 * @param value the run id, a UUID in text form
 */
public record RunId(String value) {

    /**
     * Validates the id.
     *
     * @throws IllegalArgumentException when the value is blank or longer than 64 characters
     */
    public RunId {
        Objects.requireNonNull(value, "run id");
        if (value.isBlank() || value.length() > 64) {
            throw new IllegalArgumentException("A run id must be 1 to 64 characters, got '" + value + "'");
        }
    }

    /**
     * Creates a new random run id.
     *
     * @return a fresh id
     */
    public static RunId random() {
        return new RunId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
