package io.durable.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * A new run with the lease it starts with, for {@link WorkflowStore#insertRunsCommitted}.
 *
 * @param run            the run
 * @param leaseOwner     the node that will execute it, or {@code null} to store it PENDING
 * @param leaseExpiresAt when that lease expires; ignored without an owner
 */
public record RunStart(NewRun run, String leaseOwner, Instant leaseExpiresAt) {

    /** Validates the fields. */
    public RunStart {
        Objects.requireNonNull(run, "run");
    }
}
