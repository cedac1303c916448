package io.durable.track;

import io.durable.api.RunStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A run as tracking shows it: a tracked job that is not a workflow (a sync, a scheduled task) or a
 * durable workflow run. Both are the same one row the engine reads ({@code durable_run}): a workflow
 * run's status here is its {@link RunStatus}, CANCELLED and CONTINUED included.
 *
 * @param id         the run's id
 * @param runType    what kind of run it is, for example {@code sync_customers}; a workflow run's is its workflow name
 * @param trigger    what started it, for example {@code cron}, {@code manual}, {@code workflow}, {@code child}
 * @param owner      the owner (tenant) it belongs to; empty when the application has no owners
 * @param status     where it stands
 * @param inputJson  its input as JSON, or {@code null}
 * @param outputJson its output as JSON, or {@code null}
 * @param error      the error it failed with, or {@code null}
 * @param counters   its output counters (fetched, inserted, ...), by name
 * @param createdAt  when it was created
 * @param startedAt  when it started, or {@code null}
 * @param finishedAt when it finished, or {@code null}
 * @param workflow   whether it is a durable workflow run (executed and ended by the engine) rather than
 *                   a tracked job (ended through the {@link RunTracker})
 */
public record TrackedRun(String id, String runType, String trigger, String owner, RunStatus status, String inputJson,
                         String outputJson, String error, Map<String, Long> counters, Instant createdAt,
                         Instant startedAt, Instant finishedAt, boolean workflow) {

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
    public TrackedRun with(RunStatus newStatus, String output, String failure, Instant started, Instant finished) {
        return new TrackedRun(id, runType, trigger, owner, newStatus, inputJson, output, failure, counters, createdAt,
                started, finished, workflow);
    }
}
