package io.durable.track;

import io.durable.api.RunStatus;

import java.time.Duration;
import java.util.Map;

/**
 * A run in brief.
 *
 * @param runId          the run
 * @param runType        its type
 * @param status         where it stands
 * @param duration       how long it ran (so far, for one still running), or {@code null}
 * @param stepsTotal     its steps
 * @param stepsCompleted those completed
 * @param stepsFailed    those failed
 * @param counters       its output counters
 * @param error          its error, or {@code null}
 */
public record RunSummary(String runId, String runType, RunStatus status, Duration duration, int stepsTotal,
                         int stepsCompleted, int stepsFailed, Map<String, Long> counters, String error) {

    /** Copies the counters. */
    public RunSummary {
        counters = Map.copyOf(counters);
    }

    /**
     * One line for people, for example {@code sync_customers COMPLETED in 2m 5s, 51/51 steps, fetched=5000}.
     *
     * @return the line
     */
    public String describe() {
        StringBuilder line = new StringBuilder(runType).append(' ').append(status);
        if (duration != null) {
            line.append(status.isTerminal() ? " in " : " for ").append(Tracking.formatDuration(duration));
        }
        line.append(", ").append(stepsCompleted).append('/').append(stepsTotal).append(" steps");
        if (stepsFailed > 0) {
            line.append(" (").append(stepsFailed).append(" failed)");
        }
        new java.util.TreeMap<>(counters).forEach((name, value) -> line.append(", ").append(name).append('=').append(value));
        if (error != null) {
            line.append(": ").append(error);
        }
        return line.toString();
    }
}
