package io.durable.track;

import java.time.Instant;
import java.util.Objects;

/**
 * A tracked step of a run: one operation (fetch a page, process a batch, upload a file), possibly
 * nested under a parent step. A durable workflow's steps are tracked from its journal: their id is
 * {@code RUN_ID:STEP_KEY} (the step's idempotency key) and {@code durable} is {@code true}.
 *
 * @param id           the step's id
 * @param runId        the run it belongs to
 * @param parentStepId the step it is nested under, or {@code null}
 * @param stepType     what it does, for example {@code fetch_page}
 * @param status       where it stands
 * @param progress     its batch progress
 * @param inputJson    its input as JSON, or {@code null}
 * @param outputJson   its output as JSON, or {@code null}
 * @param error        the error it failed with, or {@code null}
 * @param createdAt    when it was created
 * @param startedAt    when it started, or {@code null}
 * @param finishedAt   when it finished, or {@code null}
 * @param durable      whether it is a journaled step of a durable workflow
 */
public record TrackedStep(String id, String runId, String parentStepId, String stepType, TrackStatus status,
                          StepProgress progress, String inputJson, String outputJson, String error, Instant createdAt,
                          Instant startedAt, Instant finishedAt, boolean durable) {

    /** Validates the required fields. */
    public TrackedStep {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(stepType, "stepType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        progress = progress == null ? StepProgress.NONE : progress;
    }

    /**
     * This step with another status, output, error and times.
     *
     * @param newStatus the status
     * @param output    the output JSON
     * @param failure   the error
     * @param started   the start time
     * @param finished  the finish time
     * @return the changed copy
     */
    public TrackedStep with(TrackStatus newStatus, String output, String failure, Instant started, Instant finished) {
        return new TrackedStep(id, runId, parentStepId, stepType, newStatus, progress, inputJson, output, failure,
                createdAt, started, finished, durable);
    }

    /**
     * This step with other progress.
     *
     * @param newProgress the progress
     * @return the changed copy
     */
    public TrackedStep with(StepProgress newProgress) {
        return new TrackedStep(id, runId, parentStepId, stepType, status, newProgress, inputJson, outputJson, error,
                createdAt, startedAt, finishedAt, durable);
    }
}
