package io.durable.track;

import io.durable.api.RunStatus;

/**
 * Which tracked runs to list (always only the caller's owner's), newest first.
 *
 * @param runType only runs of this type (a workflow run's type is its workflow name), or {@code null} for all
 * @param status  only runs in this status, or {@code null} for all
 * @param limit   at most this many (1 to 1000)
 */
public record TrackedRunQuery(String runType, RunStatus status, int limit) {

    /**
     * Validates the limit.
     *
     * @throws IllegalArgumentException when it is out of range
     */
    public TrackedRunQuery {
        if (limit < 1 || limit > 1000) {
            throw new IllegalArgumentException("limit must be 1 to 1000, got " + limit);
        }
    }

    /**
     * The newest runs of a type.
     *
     * @param runType the type
     * @param limit   at most this many
     * @return the query
     */
    public static TrackedRunQuery ofType(String runType, int limit) {
        return new TrackedRunQuery(runType, null, limit);
    }
}
