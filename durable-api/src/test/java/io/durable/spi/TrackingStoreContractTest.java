package io.durable.spi;

import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.StepLink;
import io.durable.track.StepProgress;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link TrackingStore} must have. Each test works with its own ids, run type
 * and resource names, so tests share a database safely.
 */
public abstract class TrackingStoreContractTest {

    /** Times are whole milliseconds: every database keeps at least that precision. */
    protected final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private String type;
    private String owner;

    /**
     * The store under test; each call must work on its own (in its own transaction).
     *
     * @return the store
     */
    protected abstract TrackingStore store();

    @BeforeEach
    void names() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        type = "type-" + unique;
        owner = "owner-" + unique;
    }

    private TrackedRun newRun(String runOwner) {
        TrackedRun run = new TrackedRun(UUID.randomUUID().toString(), type, "manual", runOwner, TrackStatus.PENDING,
                "{\"page\":1}", null, null, Map.of(), t0, null, null);
        store().insertRun(run);
        return run;
    }

    private TrackedStep newStep(TrackedRun run, String parent, String stepType, Instant at) {
        TrackedStep step = new TrackedStep(UUID.randomUUID().toString(), run.id(), parent, stepType, TrackStatus.PENDING,
                null, null, null, null, at, null, null, false);
        store().insertStep(step, run.owner());
        return step;
    }

    @Test
    void aRunIsStoredUpdatedAndReadBackWithItsFields() {
        TrackedRun run = newRun(owner);
        assertEquals(run, store().findRun(run.id(), owner).orElseThrow());
        assertEquals(java.util.Optional.of(owner), store().ownerOf(run.id()));
        assertTrue(store().ownerOf("no-such-run").isEmpty());
        TrackedRun done = run.with(TrackStatus.COMPLETED, "{\"total\":3}", null, t0.plusSeconds(1), t0.plusSeconds(5));
        assertTrue(store().updateRun(done));
        assertEquals(done, store().findRun(run.id(), owner).orElseThrow());
        assertThrows(IllegalArgumentException.class, () -> store().insertRun(run));
    }

    @Test
    void anotherOwnersRunsStepsAndCallsAreAbsent() {
        TrackedRun mine = newRun(owner);
        TrackedRun theirs = newRun(owner + "-other");
        TrackedStep theirStep = newStep(theirs, null, "fetch", t0);
        TrackedCall theirCall = new TrackedCall("call-" + UUID.randomUUID(), theirStep.id(), "api", "GET /x",
                TrackStatus.RUNNING, null, null, null, t0, null);
        store().insertCall(theirCall, theirs.owner());

        assertTrue(store().findRun(theirs.id(), owner).isEmpty());
        assertTrue(store().findStep(theirStep.id(), owner).isEmpty());
        assertTrue(store().findCall(theirCall.id(), owner).isEmpty());
        assertTrue(store().listSteps(theirs.id(), owner).isEmpty());
        assertTrue(store().listCalls(theirStep.id(), owner).isEmpty());
        assertFalse(store().updateRun(new TrackedRun(theirs.id(), type, "manual", owner, TrackStatus.FAILED, null, null,
                "x", Map.of(), t0, null, t0)));
        assertFalse(store().updateStep(theirStep.with(TrackStatus.FAILED, null, "x", null, t0), owner));
        assertFalse(store().updateCall(theirCall.with(TrackStatus.FAILED, null, "x", t0), owner));
        assertFalse(store().incrementCounters(theirs.id(), owner, Map.of("fetched", 1L)));
        assertFalse(store().insertLink(theirStep.id(), owner, new StepLink("output", "customer", "1", null)));
        assertEquals(List.of(mine.id()), ids(store().listRuns(TrackedRunQuery.ofType(type, 10), owner)));
        assertEquals(TrackStatus.PENDING, store().findRun(theirs.id(), theirs.owner()).orElseThrow().status());
        assertEquals(Map.of(), store().findRun(theirs.id(), theirs.owner()).orElseThrow().counters());
    }

    @Test
    void runsAreListedNewestFirstByTypeAndStatus() {
        TrackedRun first = newRun(owner);
        TrackedRun second = new TrackedRun(UUID.randomUUID().toString(), type, "cron", owner, TrackStatus.RUNNING, null,
                null, null, Map.of(), t0.plusSeconds(10), t0.plusSeconds(10), null);
        store().insertRun(second);
        assertEquals(List.of(second.id(), first.id()), ids(store().listRuns(TrackedRunQuery.ofType(type, 10), owner)));
        assertEquals(List.of(second.id()), ids(store().listRuns(new TrackedRunQuery(type, TrackStatus.RUNNING, 10), owner)));
        assertEquals(List.of(second.id()), ids(store().listRuns(TrackedRunQuery.ofType(type, 1), owner)));
    }

    @Test
    void stepsNestAndKeepTheirProgress() {
        TrackedRun run = newRun(owner);
        TrackedStep parent = newStep(run, null, "sync", t0);
        TrackedStep child = newStep(run, parent.id(), "fetch_page", t0.plusMillis(1));
        TrackedStep progressed = child.with(TrackStatus.RUNNING, null, null, t0.plusMillis(2), null)
                .with(new StepProgress(500, 150, 148, 2));
        assertTrue(store().updateStep(progressed, owner));
        List<TrackedStep> steps = store().listSteps(run.id(), owner);
        assertEquals(List.of(parent, progressed), steps);
        assertEquals(parent.id(), steps.get(1).parentStepId());
        TrackedStep failed = progressed.with(TrackStatus.FAILED, null, "HTTP 500", progressed.startedAt(), t0.plusSeconds(1));
        assertTrue(store().updateStep(failed, owner));
        assertEquals(failed, store().findStep(child.id(), owner).orElseThrow());
    }

    @Test
    void callsAreRecordedPerStepInOrder() {
        TrackedRun run = newRun(owner);
        TrackedStep step = newStep(run, null, "fetch", t0);
        List<TrackedCall> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrackedCall call = new TrackedCall(UUID.randomUUID().toString(), step.id(), "crm_api", "GET /customers?page=" + i,
                    TrackStatus.RUNNING, "{\"page\":" + i + "}", null, null, t0.plusSeconds(i), null);
            store().insertCall(call, owner);
            TrackedCall done = i == 1 ? call.with(TrackStatus.FAILED, null, "HTTP 429", t0.plusSeconds(i).plusMillis(5))
                    : call.with(TrackStatus.COMPLETED, "{\"count\":100}", null, t0.plusSeconds(i).plusMillis(5));
            assertTrue(store().updateCall(done, owner));
            calls.add(done);
        }
        assertEquals(calls, store().listCalls(step.id(), owner));
        assertEquals(calls.get(1), store().findCall(calls.get(1).id(), owner).orElseThrow());
    }

    @Test
    void linksAreKeptPerStep() {
        TrackedRun run = newRun(owner);
        TrackedStep step = newStep(run, null, "process", t0);
        StepLink a = new StepLink("output", "customer", "17", "cus_abc");
        StepLink b = new StepLink("input", "page", "3", null);
        assertTrue(store().insertLink(step.id(), owner, a));
        assertTrue(store().insertLink(step.id(), owner, b));
        assertEquals(List.of(a, b), store().listLinks(step.id(), owner));
        assertFalse(store().insertLink("no-such-step", owner, a));
    }

    @Test
    void countersAddUpUnderConcurrencyWithNoLostIncrement() throws Exception {
        TrackedRun run = newRun(owner);
        int threads = 8;
        int rounds = 40;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                done.add(pool.submit(() -> {
                    start.await();
                    for (int i = 0; i < rounds; i++) {
                        assertTrue(store().incrementCounters(run.id(), owner,
                                Map.of("fetched", 3L, "inserted", 2L, "unchanged", 1L)));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        Map<String, Long> counters = store().findRun(run.id(), owner).orElseThrow().counters();
        assertEquals(Map.of("fetched", 3L * threads * rounds, "inserted", 2L * threads * rounds,
                "unchanged", (long) threads * rounds), counters);
        assertEquals(counters, store().listRuns(TrackedRunQuery.ofType(type, 1), owner).get(0).counters());
    }

    @Test
    void aLockIsHeldByOneHolderUntilReleasedOrExpired() {
        String resource = "res-" + type;
        Duration ttl = Duration.ofMinutes(5);
        ResourceLock held = store().acquireLock(resource, "run-a", t0, ttl);
        assertEquals(new ResourceLock(resource, "run-a", t0, t0.plus(ttl)), held);

        ResourceLockedException refused = assertThrows(ResourceLockedException.class,
                () -> store().acquireLock(resource, "run-b", t0.plusSeconds(60), ttl));
        assertEquals("run-a", refused.holder());
        assertEquals(t0.plus(ttl), refused.expiresAt());

        // the holder may take it again: that renews it
        ResourceLock again = store().acquireLock(resource, "run-a", t0.plusSeconds(60), ttl);
        assertEquals(t0.plusSeconds(60).plus(ttl), again.expiresAt());
        assertFalse(store().releaseLock(resource, "run-b"), "only the holder releases");
        assertTrue(store().releaseLock(resource, "run-a"));
        assertTrue(store().findLock(resource).isEmpty());
        assertFalse(store().releaseLock(resource, "run-a"));
        assertEquals("run-b", store().acquireLock(resource, "run-b", t0.plusSeconds(61), ttl).holder());
    }

    @Test
    void aCrashedHoldersLockExpiresAndCannotBeRenewedOnceTaken() {
        String resource = "res-" + type;
        Duration ttl = Duration.ofSeconds(30);
        store().acquireLock(resource, "crashed", t0, ttl);
        assertTrue(store().renewLock(resource, "crashed", t0.plusSeconds(20), ttl));
        assertEquals(t0.plusSeconds(50), store().findLock(resource).orElseThrow().expiresAt());
        assertThrows(ResourceLockedException.class, () -> store().acquireLock(resource, "next", t0.plusSeconds(49), ttl));
        // an expired lock still held is renewable by its holder as long as nobody took it
        assertTrue(store().renewLock(resource, "crashed", t0.plusSeconds(55), ttl));
        ResourceLock taken = store().acquireLock(resource, "next", t0.plusSeconds(86), ttl);
        assertEquals(new ResourceLock(resource, "next", t0.plusSeconds(86), t0.plusSeconds(116)), taken);
        assertFalse(store().renewLock(resource, "crashed", t0.plusSeconds(87), ttl));
        assertFalse(store().releaseLock(resource, "crashed"));
        assertEquals("next", store().findLock(resource).orElseThrow().holder());
        assertFalse(store().renewLock("res-none-" + type, "x", t0, ttl));
    }

    @Test
    void oneOfManyRacingHoldersGetsAFreeLock() throws Exception {
        String resource = "res-" + type;
        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String holder = "holder-" + t;
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        store().acquireLock(resource, holder, t0, Duration.ofMinutes(1));
                        return true;
                    } catch (ResourceLockedException e) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            assertEquals(1, winners);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void unknownIdsAreAbsent() {
        assertTrue(store().findRun("no-such-run", owner).isEmpty());
        assertTrue(store().findStep("no-such-step", owner).isEmpty());
        assertTrue(store().findCall("no-such-call", owner).isEmpty());
        assertFalse(store().incrementCounters("no-such-run", owner, Map.of("x", 1L)));
        assertNull(store().findLock("no-such-lock-" + type).orElse(null));
    }

    private static List<String> ids(List<TrackedRun> runs) {
        return runs.stream().map(TrackedRun::id).toList();
    }
}
