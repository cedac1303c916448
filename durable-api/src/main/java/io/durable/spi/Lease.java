package io.durable.spi;

import io.durable.api.RunId;

import java.time.Instant;
import java.util.Objects;

/**
 * A node's claim on a run. Every journal write carries it and succeeds only while the run's stored
 * epoch still equals this epoch (fencing): a node that lost its lease cannot write.
 *
 * @param runId     the run
 * @param owner     the node that holds it
 * @param epoch     the claim's epoch, one higher than the run's previous claim
 * @param expiresAt until when the claim holds unless renewed
 */
public record Lease(RunId runId, String owner, long epoch, Instant expiresAt) {

    /** Validates the fields. */
    public Lease {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (epoch < 1) {
            throw new IllegalArgumentException("A lease epoch starts at 1, got " + epoch);
        }
    }

    /**
     * The same lease with a later expiry.
     *
     * @param newExpiry the new expiry
     * @return the renewed lease
     */
    public Lease renewedUntil(Instant newExpiry) {
        return new Lease(runId, owner, epoch, newExpiry);
    }
}
