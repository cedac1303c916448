package io.durable.api;

import java.util.Optional;

/**
 * A filter for listing runs, newest first.
 *
 * @param workflowName only runs of this workflow, or {@code null} for all
 * @param status       only runs in this status, or {@code null} for all
 * @param limit        at most this many runs, 1 to 1000
 */
public record RunQuery(String workflowName, RunStatus status, int limit) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /**
     * Validates the limit.
     *
     * @throws IllegalArgumentException when the limit is outside 1 to {@value #MAX_LIMIT}
     */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A run query limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (workflowName != null && workflowName.isBlank()) {
            workflowName = null;
        }
    }

    /**
     * All runs, up to 100.
     *
     * @return a query without filters
     */
    public static RunQuery all() {
        return new RunQuery(null, null, 100);
    }

    /**
     * The workflow filter.
     *
     * @return the name, when filtering by workflow
     */
    public Optional<String> workflow() {
        return Optional.ofNullable(workflowName);
    }

    /**
     * The status filter.
     *
     * @return the status, when filtering by status
     */
    public Optional<RunStatus> statusFilter() {
        return Optional.ofNullable(status);
    }
}
