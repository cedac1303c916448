package io.durable.cdi.internal;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's configuration, read once at start-up.
 *
 * @param nodeId            this node's name in leases; unique per running server
 * @param maxConcurrentRuns how many runs this node executes at once; the rest wait as PENDING
 * @param leaseDuration     how long a claim holds without renewal; a crashed node's runs resume after it
 * @param pollInterval      how often the node looks for pending runs and runs whose lease expired
 */
record EngineSettings(String nodeId, int maxConcurrentRuns, Duration leaseDuration, Duration pollInterval) {

    EngineSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        if (nodeId.isBlank() || nodeId.length() > 100) {
            throw new IllegalArgumentException("durable.engine.node-id must be 1 to 100 characters, got '" + nodeId + "'");
        }
        if (maxConcurrentRuns < 1 || maxConcurrentRuns > 10_000) {
            throw new IllegalArgumentException("durable.engine.max-concurrent-runs must be 1 to 10000, got "
                    + maxConcurrentRuns);
        }
        if (leaseDuration.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("durable.engine.lease-duration must be at least 1 second, got "
                    + leaseDuration);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("durable.engine.poll-interval must be positive, got " + pollInterval);
        }
    }

    /** How often leases are renewed: three times per lease, so one missed renewal does not lose it. */
    Duration renewInterval() {
        return leaseDuration.dividedBy(3);
    }
}
