package io.durable.api;

import java.util.Optional;

/**
 * A filter for listing runs, newest first.
 *
 * @param workflowName only runs of this workflow, or {@code null} for all
 * @param status       only runs in this status, or {@code null} for all
 * @param limit        at most this many runs, 1 to 1000
 * @param parentRunId  only the children of this run, or {@code null} for all
 */
public record RunQuery(String workflowName, RunStatus status, int limit, RunId parentRunId) {

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
     * A filter by workflow and status.
     *
     * @param workflowName only runs of this workflow, or {@code null} for all
     * @param status       only runs in this status, or {@code null} for all
     * @param limit        at most this many runs, 1 to 1000
     */
    public RunQuery(String workflowName, RunStatus status, int limit) {
        this(workflowName, status, limit, null);
    }

    /**
     * The child runs of a run, newest first.
     *
     * @param parent the parent run
     * @return the query
     */
    public static RunQuery childrenOf(RunId parent) {
        return new RunQuery(null, null, MAX_LIMIT, java.util.Objects.requireNonNull(parent, "parent"));
    }

    /**
     * The parent filter.
     *
     * @return the parent run, when the query lists children
     */
    public Optional<RunId> parent() {
        return Optional.ofNullable(parentRunId);
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
