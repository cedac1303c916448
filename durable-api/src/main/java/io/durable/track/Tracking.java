package io.durable.track;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Helpers over tracked runs, steps and calls. */
public final class Tracking {

    private Tracking() {
    }

    /**
     * Whether a run has ended.
     *
     * @param run the run
     * @return {@code true} when COMPLETED, FAILED, CANCELLED or CONTINUED
     */
    public static boolean isComplete(TrackedRun run) {
        return run.status().isTerminal();
    }

    /**
     * Whether a step has ended.
     *
     * @param step the step
     * @return {@code true} when COMPLETED or FAILED
     */
    public static boolean isComplete(TrackedStep step) {
        return step.status().isComplete();
    }

    /**
     * Whether a call has ended.
     *
     * @param call the call
     * @return {@code true} when COMPLETED or FAILED
     */
    public static boolean isComplete(TrackedCall call) {
        return call.status().isComplete();
    }

    /**
     * Summarises a run and its steps.
     *
     * @param run   the run
     * @param steps its steps
     * @param now   the time for the duration of a run still going
     * @return the summary
     */
    public static RunSummary summary(TrackedRun run, List<TrackedStep> steps, Instant now) {
        int completed = 0;
        int failed = 0;
        for (TrackedStep step : steps) {
            if (step.status() == TrackStatus.COMPLETED) {
                completed++;
            } else if (step.status() == TrackStatus.FAILED) {
                failed++;
            }
        }
        Duration duration = run.duration().orElse(run.startedAt() == null ? null : Duration.between(run.startedAt(), now));
        return new RunSummary(run.id(), run.runType(), run.status(), duration, steps.size(), completed, failed,
                run.counters(), run.error());
    }

    /**
     * A duration for people: {@code 850ms}, {@code 12.3s}, {@code 2m 5s}, {@code 1h 2m}, {@code 3d 4h}.
     *
     * @param duration the duration (a negative one is shown as 0ms)
     * @return the text
     */
    public static String formatDuration(Duration duration) {
        long millis = Math.max(0, duration.toMillis());
        if (millis < 1000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            long tenths = Math.round(millis / 100.0);
            return tenths % 10 == 0 ? tenths / 10 + "s" : tenths / 10 + "." + tenths % 10 + "s";
        }
        long seconds = millis / 1000;
        long days = seconds / 86_400;
        long hours = seconds % 86_400 / 3600;
        long minutes = seconds % 3600 / 60;
        long secs = seconds % 60;
        if (days > 0) {
            return hours == 0 ? days + "d" : days + "d " + hours + "h";
        }
        if (hours > 0) {
            return minutes == 0 ? hours + "h" : hours + "h " + minutes + "m";
        }
        return secs == 0 ? minutes + "m" : minutes + "m " + secs + "s";
    }

    /**
     * Adds counter increments together, name by name (for accumulating in memory before one
     * {@link RunTracker#incrementRunOutput}).
     *
     * @param base  the counts so far (not changed)
     * @param more  the counts to add (not changed)
     * @return the sums, in the order names first appear
     * @throws ArithmeticException when a sum overflows
     */
    public static Map<String, Long> mergeCounters(Map<String, Long> base, Map<String, Long> more) {
        Map<String, Long> merged = new LinkedHashMap<>(base);
        more.forEach((name, value) -> merged.merge(name, value, Math::addExact));
        return merged;
    }
}
