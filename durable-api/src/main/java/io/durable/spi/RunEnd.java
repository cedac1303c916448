package io.durable.spi;

import io.durable.api.RunStatus;

import java.time.Instant;
import java.util.Objects;

/**
 * A run's end with the lease of the execution that writes it, for
 * {@link WorkflowStore#finishRunsCommitted}.
 *
 * @param lease      the writer's lease
 * @param status     COMPLETED, FAILED or CANCELLED
 * @param outputJson the output, when completed
 * @param error      the error, when failed
 * @param at         the finish time
 */
public record RunEnd(Lease lease, RunStatus status, String outputJson, String error, Instant at) {

    /** Validates the fields. */
    public RunEnd {
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(at, "at");
    }
}
