package io.durable.track;

import java.time.Instant;
import java.util.Objects;

/**
 * A tracked call: one tool or API invocation within a step (an HTTP request, a query). Calls are
 * records of what happened; they are never replayed, so a step that runs again after a crash
 * records its calls again.
 *
 * @param id         the call's id
 * @param stepId     the step it belongs to
 * @param tool       the tool or API, for example {@code crm_api}
 * @param operation  the operation, for example {@code GET /customers}
 * @param status     where it stands
 * @param inputJson  its (small) input as JSON, or {@code null}
 * @param outputJson its (small) output as JSON, or {@code null}
 * @param error      the error it failed with, or {@code null}
 * @param startedAt  when it started
 * @param finishedAt when it finished, or {@code null}
 */
public record TrackedCall(String id, String stepId, String tool, String operation, TrackStatus status, String inputJson,
                          String outputJson, String error, Instant startedAt, Instant finishedAt) {

    /** Validates the required fields. */
    public TrackedCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(stepId, "stepId");
        Objects.requireNonNull(tool, "tool");
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /**
     * This call finished.
     *
     * @param newStatus COMPLETED or FAILED
     * @param output    the output JSON
     * @param failure   the error
     * @param finished  the finish time
     * @return the changed copy
     */
    public TrackedCall with(TrackStatus newStatus, String output, String failure, Instant finished) {
        return new TrackedCall(id, stepId, tool, operation, newStatus, inputJson, output, failure, startedAt, finished);
    }
}
