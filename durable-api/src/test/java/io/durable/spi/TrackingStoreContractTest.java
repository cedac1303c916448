package io.durable.spi;

import io.durable.api.ConflictPolicy;
import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
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
 * The behaviour every {@link TrackingStore} must have, over the same rows as its
 * {@link WorkflowStore}: one row per run. Each test works with its own ids, run type and resource
 * names, so tests share a database safely.
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

    /**
     * The workflow store over the same database; each call must work on its own.
     *
     * @return the store
     */
    protected abstract WorkflowStore workflows();

    @BeforeEach
    void names() {
        String unique = UUID.randomUUID().toString().substring(0, 8);
        type = "type-" + unique;
        owner = "owner-" + unique;
    }

    private TrackedRun newRun(String runOwner) {
        TrackedRun run = new TrackedRun(UUID.randomUUID().toString(), type, "manual", runOwner, RunStatus.PENDING,
                "{\"page\":1}", null, null, Map.of(), t0, null, null, false);
        store().insertRun(run);
        return run;
    }

    private TrackedStep newStep(TrackedRun run, String parent, String stepType, Instant at) {
        TrackedStep step = new TrackedStep(TrackingStore.newStepId(run.id()), run.id(), parent, stepType,
                TrackStatus.PENDING, null, null, null, null, at, null, null, false);
        assertTrue(store().insertStep(step, run.owner()));
        return step;
    }

    @Test
    void aRunIsStoredUpdatedAndReadBackWithItsFields() {
        TrackedRun run = newRun(owner);
        assertEquals(run, store().findRun(run.id(), owner).orElseThrow());
        TrackedRun done = run.with(RunStatus.COMPLETED, "{\"total\":3}", null, t0.plusSeconds(1), t0.plusSeconds(5));
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
        assertTrue(store().insertCall(theirCall, theirs.owner()));

        assertTrue(store().findRun(theirs.id(), owner).isEmpty());
        assertTrue(store().findStep(theirStep.id(), owner).isEmpty());
        assertTrue(store().findCall(theirCall.id(), owner).isEmpty());
        assertTrue(store().listSteps(theirs.id(), owner).isEmpty());
        assertTrue(store().listCalls(theirStep.id(), owner).isEmpty());
        assertFalse(store().updateRun(new TrackedRun(theirs.id(), type, "manual", owner, RunStatus.FAILED, null, null,
                "x", Map.of(), t0, null, t0, false)));
        assertFalse(store().updateStep(theirStep.with(TrackStatus.FAILED, null, "x", null, t0), owner));
        assertFalse(store().updateCall(theirCall.with(TrackStatus.FAILED, null, "x", t0), owner));
        assertFalse(store().incrementCounters(theirs.id(), owner, Map.of("fetched", 1L)));
        assertFalse(store().insertLink(theirStep.id(), owner, new StepLink("output", "customer", "1", null)));
        assertEquals(List.of(mine.id()), ids(store().listRuns(TrackedRunQuery.ofType(type, 10), owner)));
        assertFalse(store().insertStep(new TrackedStep(TrackingStore.newStepId(theirs.id()), theirs.id(), null, "x",
                TrackStatus.PENDING, null, null, null, null, t0, null, null, false), owner));
        assertEquals(RunStatus.PENDING, store().findRun(theirs.id(), theirs.owner()).orElseThrow().status());
        assertEquals(Map.of(), store().findRun(theirs.id(), theirs.owner()).orElseThrow().counters());
    }

    @Test
    void runsAreListedNewestFirstByTypeAndStatus() {
        TrackedRun first = newRun(owner);
        TrackedRun second = new TrackedRun(UUID.randomUUID().toString(), type, "cron", owner, RunStatus.RUNNING, null,
                null, null, Map.of(), t0.plusSeconds(10), t0.plusSeconds(10), null, false);
        store().insertRun(second);
        assertEquals(List.of(second.id(), first.id()), ids(store().listRuns(TrackedRunQuery.ofType(type, 10), owner)));
        assertEquals(List.of(second.id()), ids(store().listRuns(new TrackedRunQuery(type, RunStatus.RUNNING, 10), owner)));
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
    void callsStartedInOneInstantListInTheOrderTheyWereRecorded() {
        TrackedRun run = newRun(owner);
        TrackedStep step = newStep(run, null, "fetch", t0);
        List<String> recorded = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            TrackedCall call = new TrackedCall(UUID.randomUUID().toString(), step.id(), "crm_api", "GET /page/" + i,
                    TrackStatus.RUNNING, null, null, null, t0, null);
            assertTrue(store().insertCall(call, owner));
            recorded.add(call.operation());
        }
        assertEquals(recorded, store().listCalls(step.id(), owner).stream().map(TrackedCall::operation).toList());
    }

    @Test
    void callsAreRecordedPerStepInOrder() {
        TrackedRun run = newRun(owner);
        TrackedStep step = newStep(run, null, "fetch", t0);
        List<TrackedCall> calls = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrackedCall call = new TrackedCall(UUID.randomUUID().toString(), step.id(), "crm_api", "GET /customers?page=" + i,
                    TrackStatus.RUNNING, "{\"page\":" + i + "}", null, null, t0.plusSeconds(i), null);
            assertTrue(store().insertCall(call, owner));
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
        assertFalse(store().insertLink(run.id() + ":" + TrackingStore.TRACKED_KEY_PREFIX + "none", owner, a));
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

    // --- one row per run -----------------------------------------------------------------------

    private RunId newWorkflowRun(String runOwner) {
        RunId id = RunId.random();
        workflows().createRun(new NewRun(id, type, 1, "instance-" + id.value(), "{\"n\":1}", t0).withOwner(runOwner),
                ConflictPolicy.FAIL, t0);
        return id;
    }

    @Test
    void aWorkflowRunIsOneRowThatTrackingAndTheEngineReadAlike() {
        RunId id = newWorkflowRun(owner);
        TrackedRun tracked = store().findRun(id.value(), owner).orElseThrow();
        assertTrue(tracked.workflow());
        assertEquals(type, tracked.runType());
        assertEquals(RunStatus.PENDING, tracked.status());
        assertEquals("{\"n\":1}", tracked.inputJson());
        assertEquals(owner, tracked.owner());
        assertTrue(store().findRun(id.value(), owner + "-other").isEmpty());

        Lease lease = workflows().claim(id, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        assertEquals(RunStatus.RUNNING, store().findRun(id.value(), owner).orElseThrow().status());
        assertTrue(store().incrementCounters(id.value(), owner, Map.of("fetched", 5L)));
        workflows().finishRun(lease, RunStatus.COMPLETED, "\"done\"", null, t0.plusSeconds(3));
        TrackedRun ended = store().findRun(id.value(), owner).orElseThrow();
        assertEquals(RunStatus.COMPLETED, ended.status());
        assertEquals("\"done\"", ended.outputJson());
        assertEquals(t0.plusSeconds(3), ended.finishedAt());
        assertEquals(Map.of("fetched", 5L), ended.counters());
        assertEquals(List.of(id.value()), ids(store().listRuns(TrackedRunQuery.ofType(type, 10), owner)));
        // the tracker never writes a workflow run's row
        assertFalse(store().updateRun(ended.with(RunStatus.FAILED, null, "x", t0, t0)));
        assertEquals(RunStatus.COMPLETED, workflows().findRun(id).orElseThrow().info().status());
        assertThrows(IllegalArgumentException.class, () -> store().insertRun(ended));
    }

    @Test
    void aTrackedJobIsARunRowTheEngineSeesAndNeverClaims() {
        TrackedRun pending = newRun(owner);
        TrackedRun running = new TrackedRun(UUID.randomUUID().toString(), type, "cron", owner, RunStatus.RUNNING, null,
                null, null, Map.of(), t0, t0, null, false);
        store().insertRun(running);

        assertEquals(RunStatus.PENDING, workflows().findRun(new RunId(pending.id())).orElseThrow().info().status());
        assertEquals(owner, workflows().findRun(new RunId(running.id())).orElseThrow().info().owner());
        Instant later = t0.plus(Duration.ofDays(1));
        List<String> claimed = workflows().claimDue("node-a", later, Duration.ofSeconds(30), 10_000, later).stream()
                .map(lease -> lease.runId().value()).toList();
        assertFalse(claimed.contains(pending.id()), "a pending job is not a workflow to execute");
        assertFalse(claimed.contains(running.id()), "a running job has no lease to take over");
        assertTrue(workflows().claim(new RunId(pending.id()), "node-a", later, Duration.ofSeconds(30)).isEmpty());
        assertTrue(workflows().claim(new RunId(running.id()), "node-a", later, Duration.ofSeconds(30)).isEmpty());
        assertEquals(RunStatus.PENDING, store().findRun(pending.id(), owner).orElseThrow().status());

        // a job holds no instance id: a workflow of the same name may use its id as an instance id
        RunId workflowRun = RunId.random();
        workflows().createRun(new NewRun(workflowRun, type, 1, pending.id(), null, t0), ConflictPolicy.FAIL, t0);
        assertEquals(workflowRun, workflows().findRun(type, pending.id()).orElseThrow().id());
    }

    @Test
    void aCancelledWorkflowRunReadsCancelled() {
        RunId id = newWorkflowRun(owner);
        workflows().claim(id, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        workflows().control(id, new OperatorAction(OperatorAction.Kind.CANCEL, "ops", "not needed", t0.plusSeconds(1)));
        assertEquals(RunStatus.CANCELLED, store().findRun(id.value(), owner).orElseThrow().status());
        assertEquals(List.of(id.value()), ids(store().listRuns(new TrackedRunQuery(type, RunStatus.CANCELLED, 10), owner)));
    }

    @Test
    void aWorkflowsJournaledStepsAreItsTrackedStepsAndCarryProgressCallsAndLinks() {
        RunId id = newWorkflowRun(owner);
        Lease lease = workflows().claim(id, "node-a", t0, Duration.ofSeconds(30)).orElseThrow();
        workflows().appendStep(lease, new StepInfo(0, "fetch#1", "fetch", StepStatus.COMPLETED, 1, "h", "{\"n\":3}",
                null, null, t0, t0.plusMillis(5)));
        workflows().appendStep(lease, new StepInfo(1, "@sleep#1", "@sleep", StepStatus.COMPLETED, 1, null, null,
                null, null, t0.plusMillis(6), t0.plusMillis(6)));
        workflows().appendStep(lease, new StepInfo(2, "process#1", "process", StepStatus.RUNNING, 1, "h", null,
                null, null, t0.plusMillis(7), null));
        String processing = id.value() + ":process#1";
        TrackedStep live = store().findStep(processing, owner).orElseThrow();
        assertTrue(live.durable());
        assertEquals(TrackStatus.RUNNING, live.status());
        assertTrue(store().updateStep(live.with(new StepProgress(10, 4, 4, 0)), owner));
        TrackedCall call = new TrackedCall(UUID.randomUUID().toString(), processing, "db", "upsert", TrackStatus.RUNNING,
                null, null, null, t0.plusMillis(8), null);
        assertTrue(store().insertCall(call, owner));
        assertTrue(store().insertLink(processing, owner, new StepLink("output", "customer", "7", null)));
        TrackedStep extra = newStep(store().findRun(id.value(), owner).orElseThrow(), null, "audit", t0.plusMillis(9));

        // the engine's outcome replaces the RUNNING entry in the same row; the progress stays on it
        workflows().replaceStep(lease, new StepInfo(2, "process#1", "process", StepStatus.COMPLETED, 1, "h", "4",
                null, null, t0.plusMillis(7), t0.plusMillis(20)));
        List<TrackedStep> steps = store().listSteps(id.value(), owner);
        assertEquals(List.of("fetch", "process", "audit"), steps.stream().map(TrackedStep::stepType).toList());
        TrackedStep processed = steps.get(1);
        assertEquals(TrackStatus.COMPLETED, processed.status());
        assertEquals(new StepProgress(10, 4, 4, 0), processed.progress());
        assertEquals("4", processed.outputJson());
        assertEquals(List.of(call), store().listCalls(processing, owner));
        assertEquals(1, store().listLinks(processing, owner).size());
        assertFalse(steps.get(2).durable());
        assertEquals(extra.id(), steps.get(2).id());
        // a tracked step never enters the journal, and the tracker cannot end a journaled step
        assertEquals(List.of("fetch#1", "@sleep#1", "process#1"),
                workflows().loadJournal(id).stream().map(StepInfo::stepKey).toList());
        assertTrue(store().updateStep(processed.with(TrackStatus.FAILED, null, "x", t0, t0), owner));
        assertEquals(StepStatus.COMPLETED, workflows().loadJournal(id).get(2).status());
    }

    private static List<String> ids(List<TrackedRun> runs) {
        return runs.stream().map(TrackedRun::id).toList();
    }
}
