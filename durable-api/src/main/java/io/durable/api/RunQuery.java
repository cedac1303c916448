package io.durable.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A filter for listing runs, newest first (by creation time, then by id), with a cursor for the next
 * page. Every filter is optional ({@code null} matches all); the filters combine with AND.
 *
 * @param workflowName  only runs of this workflow
 * @param status        only runs in this status
 * @param limit         at most this many runs, 1 to {@value #MAX_LIMIT}
 * @param parentRunId   only the children of this run
 * @param instanceId    only the run with this instance id (of any workflow unless one is named)
 * @param owner         only runs of this owner (tenant); honoured only for a caller who may see every
 *                      tenant (the admin role), ignored otherwise: a caller sees its own tenant's runs
 * @param createdFrom   only runs created at or after this instant (inclusive)
 * @param createdBefore only runs created before this instant (exclusive)
 * @param cursor        where the page starts: the {@link RunPage#nextCursor()} of the page before,
 *                      opaque to callers, at most {@value #MAX_CURSOR} characters; {@code null} for the
 *                      first page
 */
public record RunQuery(String workflowName, RunStatus status, int limit, RunId parentRunId, String instanceId,
                       String owner, Instant createdFrom, Instant createdBefore, String cursor) {

    /** The largest page a query may ask for. */
    public static final int MAX_LIMIT = 1000;

    /** The longest cursor accepted. */
    public static final int MAX_CURSOR = 200;

    /**
     * Validates the query.
     *
     * @throws IllegalArgumentException when the limit is outside 1 to {@value #MAX_LIMIT}, the time
     *                                  range is empty, or the cursor is too long
     */
    public RunQuery {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("A run query limit must be 1 to " + MAX_LIMIT + ", got " + limit);
        }
        workflowName = blankToNull(workflowName);
        instanceId = blankToNull(instanceId);
        owner = owner == null || owner.isBlank() ? null : owner;
        cursor = blankToNull(cursor);
        if (createdFrom != null && createdBefore != null && !createdFrom.isBefore(createdBefore)) {
            throw new IllegalArgumentException("A run query's createdFrom (" + createdFrom
                    + ") must be before its createdBefore (" + createdBefore + ")");
        }
        if (cursor != null && cursor.length() > MAX_CURSOR) {
            throw new IllegalArgumentException("A run query cursor has at most " + MAX_CURSOR + " characters, got "
                    + cursor.length());
        }
    }

    /**
     * A filter by workflow, status and parent.
     *
     * @param workflowName only runs of this workflow, or {@code null} for all
     * @param status       only runs in this status, or {@code null} for all
     * @param limit        at most this many runs, 1 to 1000
     * @param parentRunId  only the children of this run, or {@code null} for all
     */
    public RunQuery(String workflowName, RunStatus status, int limit, RunId parentRunId) {
        this(workflowName, status, limit, parentRunId, null, null, null, null, null);
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
     * The child runs of a run, newest first, the first {@value #MAX_LIMIT}; page with
     * {@link #withCursor(String)} for more.
     *
     * @param parent the parent run
     * @return the query
     */
    public static RunQuery childrenOf(RunId parent) {
        return new RunQuery(null, null, MAX_LIMIT, Objects.requireNonNull(parent, "parent"));
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
     * This query for another workflow.
     *
     * @param name the workflow's name, or {@code null} for all
     * @return the new query
     */
    public RunQuery withWorkflow(String name) {
        return new RunQuery(name, status, limit, parentRunId, instanceId, owner, createdFrom, createdBefore, cursor);
    }

    /**
     * This query for another status.
     *
     * @param newStatus the status, or {@code null} for all
     * @return the new query
     */
    public RunQuery withStatus(RunStatus newStatus) {
        return new RunQuery(workflowName, newStatus, limit, parentRunId, instanceId, owner, createdFrom, createdBefore,
                cursor);
    }

    /**
     * This query with another page size.
     *
     * @param newLimit 1 to {@value #MAX_LIMIT}
     * @return the new query
     */
    public RunQuery withLimit(int newLimit) {
        return new RunQuery(workflowName, status, newLimit, parentRunId, instanceId, owner, createdFrom, createdBefore,
                cursor);
    }

    /**
     * This query for one instance id.
     *
     * @param id the instance id, or {@code null} for all
     * @return the new query
     */
    public RunQuery withInstanceId(String id) {
        return new RunQuery(workflowName, status, limit, parentRunId, id, owner, createdFrom, createdBefore, cursor);
    }

    /**
     * This query for one owner (tenant): see {@link #owner()} for who may use it.
     *
     * @param newOwner the owner, or {@code null} for all the caller may see
     * @return the new query
     */
    public RunQuery withOwner(String newOwner) {
        return new RunQuery(workflowName, status, limit, parentRunId, instanceId, newOwner, createdFrom, createdBefore,
                cursor);
    }

    /**
     * This query for runs created in {@code [from, before)}.
     *
     * @param from   inclusive start, or {@code null} for no start
     * @param before exclusive end, or {@code null} for no end
     * @return the new query
     */
    public RunQuery withCreated(Instant from, Instant before) {
        return new RunQuery(workflowName, status, limit, parentRunId, instanceId, owner, from, before, cursor);
    }

    /**
     * This query from a cursor on.
     *
     * @param newCursor a {@link RunPage#nextCursor()}, or {@code null} for the first page
     * @return the new query
     */
    public RunQuery withCursor(String newCursor) {
        return new RunQuery(workflowName, status, limit, parentRunId, instanceId, owner, createdFrom, createdBefore,
                newCursor);
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
