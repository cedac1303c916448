package io.durable.spi;

import io.durable.api.Limit;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;

import java.time.Instant;

/**
 * Which runs a store query reads: the filters of a {@link RunQuery} with the owner the engine allows
 * the caller to see. Every field is optional ({@code null} matches all); the fields combine with AND.
 * Unlike {@link RunQuery#owner()}, the owner here is exact: the empty string is the empty owner (the
 * runs of an application without tenants), {@code null} is every owner.
 *
 * @param workflowName  only runs of this workflow
 * @param status        only runs in this status
 * @param parentRunId   only the children of this run
 * @param instanceId    only runs with this instance id (whether or not they still hold it)
 * @param owner         only runs of this owner, at most {@link Limit#OWNER} characters
 * @param createdFrom   only runs created at or after this instant
 * @param createdBefore only runs created before this instant
 */
public record RunFilter(String workflowName, RunStatus status, RunId parentRunId, String instanceId, String owner,
                        Instant createdFrom, Instant createdBefore) {

    /** Every run. */
    public static final RunFilter ALL = new RunFilter(null, null, null, null, null, null, null);

    /**
     * Validates the owner's length.
     *
     * @throws io.durable.api.LimitExceededException when the owner is over {@link Limit#OWNER}
     */
    public RunFilter {
        if (owner != null) {
            Limit.OWNER.check(owner);
        }
    }

    /**
     * The filters of a query, its owner filter included as given ({@code null}: every owner).
     *
     * @param query the query
     * @return the filter
     */
    public static RunFilter of(RunQuery query) {
        return new RunFilter(query.workflowName(), query.status(), query.parentRunId(), query.instanceId(),
                query.owner(), query.createdFrom(), query.createdBefore());
    }

    /**
     * The children of a run.
     *
     * @param parent the parent run
     * @return the filter
     */
    public static RunFilter childrenOf(RunId parent) {
        return new RunFilter(null, null, parent, null, null, null, null);
    }

    /**
     * This filter for another owner.
     *
     * @param newOwner the owner, or {@code null} for every owner
     * @return the new filter
     */
    public RunFilter withOwner(String newOwner) {
        return new RunFilter(workflowName, status, parentRunId, instanceId, newOwner, createdFrom, createdBefore);
    }

    /**
     * This filter for another status.
     *
     * @param newStatus the status, or {@code null} for every status
     * @return the new filter
     */
    public RunFilter withStatus(RunStatus newStatus) {
        return new RunFilter(workflowName, newStatus, parentRunId, instanceId, owner, createdFrom, createdBefore);
    }

    /**
     * Whether a run passes this filter (for stores that filter in memory).
     *
     * @param run the run
     * @return whether every given field matches
     */
    public boolean matches(RunInfo run) {
        return (workflowName == null || workflowName.equals(run.workflowName()))
                && (status == null || status == run.status())
                && (parentRunId == null || parentRunId.equals(run.parentRunId()))
                && (instanceId == null || instanceId.equals(run.instanceId()))
                && (owner == null || owner.equals(run.owner()))
                && (createdFrom == null || !run.createdAt().isBefore(createdFrom))
                && (createdBefore == null || run.createdAt().isBefore(createdBefore));
    }
}
