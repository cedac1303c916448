package io.durable.track;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A tracked run: a sync job, a scheduled task, a workflow run. A durable workflow run is tracked
 * under its own run id.
 *
 * @param id         the run's id
 * @param runType    what kind of run it is, for example {@code sync_customers}
 * @param trigger    what started it, for example {@code cron}, {@code manual}, {@code workflow}
 * @param owner      the owner (tenant) it belongs to; empty when the application has no owners
 * @param status     where it stands
 * @param inputJson  its input as JSON, or {@code null}
 * @param outputJson its output as JSON, or {@code null}
 * @param error      the error it failed with, or {@code null}
 * @param counters   its output counters (fetched, inserted, ...), by name
 * @param createdAt  when it was created
 * @param startedAt  when it started, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 */
public record TrackedRun(String id, String runType, String trigger, String owner, TrackStatus status, String inputJson,
                         String outputJson, String error, Map<String, Long> counters, Instant createdAt,
                         Instant startedAt, Instant finishedAt) {

    /** Validates the required fields and copies the counters. */
    public TrackedRun {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(runType, "runType");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        counters = counters == null ? Map.of() : Map.copyOf(counters);
    }

    /**
     * How long it ran: from start (or creation) to finish.
     *
     * @return the duration, or empty while it has not finished
     */
    public Optional<Duration> duration() {
        if (finishedAt == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(startedAt == null ? createdAt : startedAt, finishedAt));
    }

    /**
     * One counter.
     *
     * @param name the counter's name
     * @return its value, 0 when never incremented
     */
    public long counter(String name) {
        return counters.getOrDefault(name, 0L);
    }

    /**
     * This run with another status, output, error and times (the counters live apart).
     *
     * @param newStatus   the status
     * @param output      the output JSON
     * @param failure     the error
     * @param started     the start time
     * @param finished    the finish time
     * @return the changed copy
     */
    public TrackedRun with(TrackStatus newStatus, String output, String failure, Instant started, Instant finished) {
        return new TrackedRun(id, runType, trigger, owner, newStatus, inputJson, output, failure, counters, createdAt,
                started, finished);
    }
}
