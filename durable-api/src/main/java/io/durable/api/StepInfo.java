package io.durable.api;

import java.time.Instant;
import java.util.Objects;

/**
 * One journaled step of a run.
 *
 * @param sequence   the step's position in the run, from 0
 * @param stepKey    the deterministic key: name and occurrence, for example {@code reserve#1}
 * @param name       the step's name
 * @param status     completed or failed
 * @param attempt    which attempt produced this entry, from 1
 * @param argsHash   a hash of the step's arguments as JSON, to notice a replay with other arguments
 * @param resultJson the journaled result as JSON, when completed
 * @param errorType  the exception class name, when failed
 * @param error      the exception message, when failed
 * @param startedAt  when the body started
 * @param finishedAt when the body finished
 */
public record StepInfo(
        int sequence,
        String stepKey,
        String name,
        StepStatus status,
        int attempt,
        String argsHash,
        String resultJson,
        String errorType,
        String error,
        Instant startedAt,
        Instant finishedAt) {

    /** Validates the mandatory fields. */
    public StepInfo {
        Objects.requireNonNull(stepKey, "stepKey");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (attempt < 1) {
            throw new IllegalArgumentException("A step attempt starts at 1, got " + attempt);
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("A step sequence starts at 0, got " + sequence);
        }
    }
}
