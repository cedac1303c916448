package io.durable.track;

import io.durable.api.RunStatus;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrackingTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void durationsReadNaturally() {
        assertEquals("0ms", Tracking.formatDuration(Duration.ZERO));
        assertEquals("0ms", Tracking.formatDuration(Duration.ofMillis(-5)));
        assertEquals("850ms", Tracking.formatDuration(Duration.ofMillis(850)));
        assertEquals("1s", Tracking.formatDuration(Duration.ofMillis(1000)));
        assertEquals("12.3s", Tracking.formatDuration(Duration.ofMillis(12_340)));
        assertEquals("1m", Tracking.formatDuration(Duration.ofSeconds(60)));
        assertEquals("2m 5s", Tracking.formatDuration(Duration.ofSeconds(125)));
        assertEquals("1h 2m", Tracking.formatDuration(Duration.ofSeconds(3725)));
        assertEquals("3h", Tracking.formatDuration(Duration.ofHours(3)));
        assertEquals("3d 4h", Tracking.formatDuration(Duration.ofHours(76)));
        assertEquals("2d", Tracking.formatDuration(Duration.ofDays(2)));
    }

    @Test
    void counterIncrementsMergeByName() {
        Map<String, Long> merged = Tracking.mergeCounters(Map.of("fetched", 50L, "inserted", 30L),
                Map.of("fetched", 50L, "unchanged", 5L));
        assertEquals(Map.of("fetched", 100L, "inserted", 30L, "unchanged", 5L), merged);
        assertThrows(ArithmeticException.class,
                () -> Tracking.mergeCounters(Map.of("x", Long.MAX_VALUE), Map.of("x", 1L)));
    }

    @Test
    void completenessAndSummary() {
        TrackedRun run = new TrackedRun("r1", "sync_customers", "cron", "", RunStatus.COMPLETED, null, null, null,
                Map.of("fetched", 5000L, "inserted", 5000L), T0, T0.plusSeconds(5), T0.plusSeconds(130), false);
        TrackedStep done = step("s1", TrackStatus.COMPLETED);
        TrackedStep failed = step("s2", TrackStatus.FAILED);
        TrackedStep running = step("s3", TrackStatus.RUNNING);
        assertTrue(Tracking.isComplete(run));
        assertTrue(Tracking.isComplete(done));
        assertFalse(Tracking.isComplete(running));
        assertFalse(Tracking.isComplete(new TrackedCall("c", "s3", "api", "GET", TrackStatus.RUNNING, null, null, null,
                T0, null)));
        RunSummary summary = Tracking.summary(run, List.of(done, failed, running), T0.plusSeconds(999));
        assertEquals(Duration.ofSeconds(125), summary.duration());
        assertEquals(3, summary.stepsTotal());
        assertEquals(1, summary.stepsCompleted());
        assertEquals(1, summary.stepsFailed());
        assertEquals("sync_customers COMPLETED in 2m 5s, 1/3 steps (1 failed), fetched=5000, inserted=5000",
                summary.describe());
        TrackedRun going = run.with(RunStatus.RUNNING, null, null, T0, null);
        assertTrue(Tracking.isComplete(run.with(RunStatus.CANCELLED, null, "cancelled", T0, T0.plusSeconds(1))));
        assertEquals(Duration.ofSeconds(60), Tracking.summary(going, List.of(), T0.plusSeconds(60)).duration());
        assertEquals(5000L, run.counter("fetched"));
        assertEquals(0L, run.counter("updated"));
    }

    @Test
    void progressIsValidated() {
        assertEquals(0.5, new StepProgress(100, 50, 48, 2).fractionDone());
        assertEquals(-1, StepProgress.NONE.fractionDone());
        assertThrows(IllegalArgumentException.class, () -> new StepProgress(10, 5, 5, 1));
        assertThrows(IllegalArgumentException.class, () -> new StepProgress(10, -1, 0, 0));
    }

    private static TrackedStep step(String id, TrackStatus status) {
        return new TrackedStep(id, "r1", null, "fetch", status, null, null, null, null, T0, T0, null, false);
    }
}
