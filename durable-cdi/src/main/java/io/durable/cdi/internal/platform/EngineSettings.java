package io.durable.cdi.internal.platform;

import io.durable.api.ConflictPolicy;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's configuration, read once at start-up.
 *
 * @param nodeId            this node's name in leases; unique per running server
 * @param maxConcurrentRuns how many runs this node executes at once; the rest wait in the store
 * @param leaseDuration     how long a claim holds without renewal; a crashed node's runs resume after it
 * @param sweepInterval     how often the node claims due runs: pending, woken, signalled, orphaned
 * @param inThreadRetryMax  retry waits up to this long happen on the run's thread; longer ones park it
 * @param maxPayloadBytes   the largest signal payload accepted, in bytes of JSON (UTF-8)
 * @param conflictPolicy    what starting a known instance id does by default
 * @param maxRecoveryAttempts how often a run may fail to be recovered before it is BLOCKED
 * @param journalLanes      how many group-commit writers write plain steps' entries at once (0 to 64; 0:
 *                          each entry as a write of its own; default 1)
 */
public record EngineSettings(String nodeId, int maxConcurrentRuns, Duration leaseDuration, Duration sweepInterval,
                      Duration inThreadRetryMax, int maxPayloadBytes, ConflictPolicy conflictPolicy,
                      int maxRecoveryAttempts, int journalLanes) {

    /**
     * Journal writers of the group commit that write at the same time; 0 writes each step's entry as a
     * write of its own. One lane measured fastest (docs/benchmarks.md, "Group commit in one statement").
     */
    static final int DEFAULT_JOURNAL_LANES = 1;

    /** The settings with the default number of journal lanes. */
    public EngineSettings(String nodeId, int maxConcurrentRuns, Duration leaseDuration, Duration sweepInterval,
                          Duration inThreadRetryMax, int maxPayloadBytes, ConflictPolicy conflictPolicy,
                          int maxRecoveryAttempts) {
        this(nodeId, maxConcurrentRuns, leaseDuration, sweepInterval, inThreadRetryMax, maxPayloadBytes, conflictPolicy,
                maxRecoveryAttempts, DEFAULT_JOURNAL_LANES);
    }

    /** How often a run may fail to be recovered for reasons that are not the database's before it is BLOCKED. */
    static final int DEFAULT_MAX_RECOVERY_ATTEMPTS = 5;

    /** The settings with the default number of recovery attempts. */
    public EngineSettings(String nodeId, int maxConcurrentRuns, Duration leaseDuration, Duration sweepInterval,
                          Duration inThreadRetryMax, int maxPayloadBytes, ConflictPolicy conflictPolicy) {
        this(nodeId, maxConcurrentRuns, leaseDuration, sweepInterval, inThreadRetryMax, maxPayloadBytes, conflictPolicy,
                DEFAULT_MAX_RECOVERY_ATTEMPTS);
    }

    static final int DEFAULT_MAX_PAYLOAD = 256 * 1024;

    public EngineSettings {
        Objects.requireNonNull(nodeId, "nodeId");
        Objects.requireNonNull(conflictPolicy, "conflictPolicy");
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
        if (sweepInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException("durable.engine.sweep-interval must be at least 100 ms, got " + sweepInterval);
        }
        if (inThreadRetryMax.isNegative() || inThreadRetryMax.compareTo(Duration.ofMinutes(1)) > 0) {
            throw new IllegalArgumentException("durable.engine.retry-in-thread-max must be 0 to 1 minute, got "
                    + inThreadRetryMax);
        }
        if (journalLanes < 0 || journalLanes > 64) {
            throw new IllegalArgumentException("durable.engine.journal-lanes must be 0 to 64, got " + journalLanes);
        }
        if (maxRecoveryAttempts < 1 || maxRecoveryAttempts > 1000) {
            throw new IllegalArgumentException("durable.engine.max-recovery-attempts must be 1 to 1000, got "
                    + maxRecoveryAttempts);
        }
        if (maxPayloadBytes < 1 || maxPayloadBytes > io.durable.api.Limit.SIGNAL_PAYLOAD.max()) {
            throw new IllegalArgumentException("durable.engine.max-payload-bytes must be 1 to " + io.durable.api.Limit.SIGNAL_PAYLOAD.max()
                    + " (" + io.durable.api.Limit.SIGNAL_PAYLOAD.key() + "), got "
                    + maxPayloadBytes);
        }
    }

    /** The defaults, for a node id. */
    static EngineSettings defaults(String nodeId) {
        return new EngineSettings(nodeId, 16, Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(2),
                DEFAULT_MAX_PAYLOAD, ConflictPolicy.FAIL);
    }

    /** How often leases are renewed: three times per lease, so one missed renewal does not lose it. */
    public Duration renewInterval() {
        return leaseDuration.dividedBy(3);
    }
}
