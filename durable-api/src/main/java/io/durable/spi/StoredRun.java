package io.durable.spi;

import io.durable.api.RunInfo;

import java.time.Instant;
import java.util.Objects;

/**
 * A run as the store holds it: the public snapshot plus its lease and the trace it was started in.
 *
 * @param info           the public snapshot
 * @param leaseOwner     the node holding the lease, or {@code null}
 * @param leaseEpoch     the epoch of the latest claim, 0 before the first
 * @param leaseExpiresAt when the lease runs out, or {@code null}
 * @param traceParent    the W3C {@code traceparent} stored with the run ({@link NewRun#traceParent()}), or
 *                       {@code null}
 */
public record StoredRun(RunInfo info, String leaseOwner, long leaseEpoch, Instant leaseExpiresAt, String traceParent) {

    /** Validates the fields. */
    public StoredRun {
        Objects.requireNonNull(info, "info");
    }

    /**
     * A run stored without a trace.
     *
     * @param info           the public snapshot
     * @param leaseOwner     the node holding the lease, or {@code null}
     * @param leaseEpoch     the epoch of the latest claim, 0 before the first
     * @param leaseExpiresAt when the lease runs out, or {@code null}
     */
    public StoredRun(RunInfo info, String leaseOwner, long leaseEpoch, Instant leaseExpiresAt) {
        this(info, leaseOwner, leaseEpoch, leaseExpiresAt, null);
    }
}
