package io.durable.cdi.internal;

import io.durable.api.IllegalTransitionException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.WorkflowFailedException;
import io.durable.cdi.internal.sync.DefaultSyncs;
import io.durable.spi.TrackingStore;
import io.durable.sync.ResourceLockedException;
import io.durable.sync.SyncCompleted;
import io.durable.sync.SyncFailed;
import io.durable.sync.SyncSpec;
import io.durable.sync.Syncs;
import io.durable.track.CallSpec;
import io.durable.track.RunSpec;
import io.durable.track.RunTracker;
import io.durable.track.StepLink;
import io.durable.track.StepProgress;
import io.durable.track.StepSpec;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import io.durable.track.TrackingNotFoundException;
import io.durable.sync.CursorPaging;
import io.durable.sync.PaginationResult;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SyncToolkitTest extends EngineTestBase {

    @Inject
    RunTracker tracker;

    @Inject
    Syncs syncs;

    @Inject
    TrackingStore tracking;

    @Inject
    SyncWorkflows.FakeApi api;

    @Inject
    SyncWorkflows.ContactTable table;

    @Inject
    SyncWorkflows.TestOwner owner;

    @Inject
    SyncWorkflows.SyncEvents events;

    @BeforeEach
    void fresh() {
        api.reset(20, 5);
        table.reset();
        owner.set("");
    }

    private RunId sync(String resource, long sliceBudgetMillis, String retry) {
        return engine.start(SyncWorkflows.ContactSyncWorkflow.class, resource,
                new SyncWorkflows.SyncOrder(resource, sliceBudgetMillis, retry));
    }

    private Map<String, Long> counters(RunId id) {
        Map<?, ?> raw = engine.awaitResult(id, Map.class, WAIT);
        Map<String, Long> counters = new java.util.HashMap<>();
        raw.forEach((name, value) -> counters.put((String) name, ((Number) value).longValue()));
        return counters;
    }

    @Test
    void theManualTrackerRecordsRunsStepsCallsProgressCountersAndLinks() {
        String stepOut = tracker.executeRun(RunSpec.of("import_invoices", "cron"), runId -> {
            String outer = tracker.executeStep(runId, StepSpec.of("fetch"), stepId -> {
                tracker.updateStepProgress(stepId, new StepProgress(10, 4, 3, 1));
                tracker.linkStep(stepId, new StepLink("output", "invoice", "42", "inv_abc"));
                int count = tracker.executeCall(stepId, CallSpec.of("billing_api", "GET /invoices"), () -> 10);
                assertThrows(IllegalStateException.class, () -> tracker.executeCall(stepId,
                        new CallSpec("billing_api", "GET /invoices?page=2", Map.of("page", 2)), () -> {
                            throw new IllegalStateException("HTTP 500");
                        }));
                tracker.incrementRunOutput(runId, Map.of("fetched", (long) count, "inserted", 7L));
                tracker.incrementRunOutput(runId, Map.of("fetched", 5L));
                String nested = tracker.createStep(runId, StepSpec.nested("parse", stepId));
                tracker.startStep(nested);
                tracker.finishStep(nested, null);
                return stepId;
            });
            return outer;
        });
        List<TrackedRun> runs = tracker.runs(TrackedRunQuery.ofType("import_invoices", 5));
        assertEquals(1, runs.size());
        TrackedRun run = runs.get(0);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(Map.of("fetched", 15L, "inserted", 7L), run.counters());
        List<TrackedStep> steps = tracker.steps(run.id());
        assertEquals(List.of("fetch", "parse"), steps.stream().map(TrackedStep::stepType).toList());
        assertEquals(stepOut, steps.get(1).parentStepId());
        assertEquals(new StepProgress(10, 4, 3, 1), steps.get(0).progress());
        assertEquals(List.of(TrackStatus.COMPLETED, TrackStatus.FAILED),
                tracker.calls(stepOut).stream().map(c -> c.status()).toList());
        assertEquals("IllegalStateException: HTTP 500", tracker.calls(stepOut).get(1).error());
        assertEquals("{\"page\":2}", tracker.calls(stepOut).get(1).inputJson());
        assertEquals(List.of(new StepLink("output", "invoice", "42", "inv_abc")), tracker.stepLinks(stepOut));
        assertEquals("import_invoices COMPLETED in 0ms, 2/2 steps, fetched=15, inserted=7",
                tracker.summary(run.id()).describe());
        assertThrows(IllegalStateException.class, () -> tracker.finishRun(run.id(), null));
    }

    @Test
    void aTrackerCallOnAnUnknownIdSaysWhichKindAndId() {
        TrackingNotFoundException run = assertThrows(TrackingNotFoundException.class, () -> tracker.startRun("nope"));
        assertEquals("run", run.kind());
        assertTrue(run.getMessage().contains("'nope'"), run.getMessage());
        assertEquals("step", assertThrows(TrackingNotFoundException.class,
                () -> tracker.createCall("no-step", CallSpec.of("api", "GET"))).kind());
        assertEquals("call", assertThrows(TrackingNotFoundException.class, () -> tracker.finishCall("no-call", null)).kind());
        assertEquals("run", assertThrows(TrackingNotFoundException.class,
                () -> tracker.incrementRunOutput("nope", Map.of("x", 1L))).kind());
        assertEquals("step", assertThrows(TrackingNotFoundException.class,
                () -> tracker.linkStep("no-step", new StepLink("output", "x", "1", null))).kind());
        String runId = tracker.createRun(RunSpec.of("t", null));
        assertThrows(TrackingNotFoundException.class, () -> tracker.createStep(runId, StepSpec.nested("child", "no-parent")));
    }

    @Test
    void anOwnerSeesOnlyItsOwnRuns() {
        owner.set("tenant-a");
        String mine = tracker.createRun(RunSpec.of("owned", "manual"));
        String step = tracker.createStep(mine, StepSpec.of("s"));
        owner.set("tenant-b");
        assertTrue(tracker.run(mine).isEmpty());
        assertTrue(tracker.runs(TrackedRunQuery.ofType("owned", 10)).isEmpty());
        assertThrows(TrackingNotFoundException.class, () -> tracker.startRun(mine));
        assertThrows(TrackingNotFoundException.class, () -> tracker.steps(mine));
        assertThrows(TrackingNotFoundException.class, () -> tracker.incrementRunOutput(mine, Map.of("x", 1L)));
        assertThrows(TrackingNotFoundException.class, () -> tracker.createCall(step, CallSpec.of("api", "GET")));
        owner.set("tenant-a");
        assertEquals("tenant-a", tracker.run(mine).orElseThrow().owner());
    }

    @Test
    void everyWorkflowRunIsTrackedWithItsJournaledStepsAndItsStartersOwner() {
        owner.set("tenant-w");
        RunId id = sync("crm:tracked", 60_000, "none");
        counters(id);
        TrackedRun run = tracker.run(id.value()).orElseThrow();
        assertEquals("tenant-w", run.owner());
        assertEquals("contact-sync", run.runType(), "a workflow run's type is its workflow name");
        assertTrue(run.workflow());
        assertEquals(RunStatus.COMPLETED, run.status());
        // one row: the engine and the tracker read the same run
        RunInfo status = engine.status(id);
        assertEquals(status.owner(), run.owner());
        assertEquals(status.finishedAt(), run.finishedAt());
        assertEquals(status.outputJson(), run.outputJson());
        assertThrows(IllegalStateException.class, () -> tracker.failRun(id.value(), "late"),
                "the engine ended the workflow run; the tracker writes no second end");
        List<String> types = tracker.steps(id.value()).stream().map(TrackedStep::stepType).toList();
        assertEquals("sync.begin", types.get(0));
        assertEquals(4, types.stream().filter("contacts.fetch"::equals).count());
        assertEquals(4, types.stream().filter("contacts.process"::equals).count());
        assertEquals("sync.finish", types.get(types.size() - 1));
        owner.set("tenant-other");
        assertTrue(tracker.run(id.value()).isEmpty());
    }

    @Test
    void aRunsOwnerIsItsStartersAndItsChildrenAndContinuationsInheritIt() {
        owner.set("tenant-c");
        RunId parent = engine.startJson("parent", "owned-family", "\"anna,bob\"");
        RunId loop = engine.start(CompositionWorkflows.ForeverWorkflow.class, "owned-forever",
                new CompositionWorkflows.Counter(1, 0));
        owner.set("tenant-elsewhere"); // the engine executes and resumes them outside the starter's request
        assertThrows(RunNotFoundException.class, () -> engine.status(parent), "another tenant's run is not found");
        owner.set("tenant-c");
        engine.awaitResult(parent, String.class, WAIT);
        RunInfo last = engine.await(loop, WAIT);

        assertEquals("tenant-c", engine.status(parent).owner());
        List<RunInfo> children = engine.list(RunQuery.childrenOf(parent));
        assertEquals(2, children.size());
        assertTrue(children.stream().allMatch(c -> c.owner().equals("tenant-c")), children.toString());
        List<RunInfo> chain = engine.list(new RunQuery("forever", null, 100)).stream()
                .filter(r -> r.instanceId().equals("owned-forever")).toList();
        assertEquals(5, chain.size());
        assertTrue(chain.stream().allMatch(r -> r.owner().equals("tenant-c")), chain.toString());
        assertEquals("tenant-c", last.owner());
    }

    @Test
    void aDurableSyncImportsEveryPageOnceCountsItAndASecondSyncFindsAllUnchanged() {
        api.throttle(1, 2);
        api.breakPage(2, 1);
        RunId first = sync("crm:contacts", 60_000, "fast");
        assertEquals(Map.of("fetched", 20L, "inserted", 20L, "pages", 4L), counters(first));
        assertEquals(20, table.rows().size());
        assertEquals(4, table.pagesProcessed());
        assertEquals(3, api.fetchesOf(1), "two 429s, then the page");
        assertEquals(2, api.fetchesOf(2), "one 500, then the page");
        assertTrue(tracking.findLock("crm:contacts").isEmpty(), "the lock is released");
        assertTrue(events.seen().stream().anyMatch(e -> e instanceof SyncCompleted c && c.runId().equals(first.value())
                && c.counters().get("inserted") == 20L));

        RunId second = engine.start(SyncWorkflows.ContactSyncWorkflow.class, "crm:contacts-again",
                new SyncWorkflows.SyncOrder("crm:contacts", 60_000, "fast"));
        assertEquals(Map.of("fetched", 20L, "unchanged", 20L, "pages", 4L), counters(second));

        api.bumpVersion();
        RunId third = engine.start(SyncWorkflows.ContactSyncWorkflow.class, "crm:contacts-v2",
                new SyncWorkflows.SyncOrder("crm:contacts", 60_000, "fast"));
        assertEquals(Map.of("fetched", 20L, "updated", 20L, "pages", 4L), counters(third));
    }

    @Test
    void aSyncThatRunsOutOfBudgetContinuesInNewSlicesWithoutRefetchingAPage() {
        api.reset(40, 5);
        api.fetchTakes(Duration.ofSeconds(1));
        RunId id = sync("crm:sliced", 2500, "none");
        RunStatus status = engine.status(id).status();
        for (int sweeps = 0; sweeps < 50 && !status.isTerminal(); sweeps++) {
            awaitIdle();
            dispatcher.poll();
            status = engine.status(id).status();
        }
        assertEquals(Map.of("fetched", 40L, "inserted", 40L, "pages", 8L), counters(id));
        for (int page = 0; page < 8; page++) {
            assertEquals(1, api.fetchesOf(page), "page " + page + " was fetched once");
        }
        assertEquals(8, table.pagesProcessed());
        long slices = store.loadJournal(id).stream().map(StepInfo::name).filter("@slice"::equals).count();
        assertTrue(slices >= 2, "new slices began: " + slices);
    }

    @Test
    void aPageThatKeepsFailingFailsTheRunWithItsErrorAndReleasesTheLock() {
        api.breakPage(2, 100);
        RunId id = sync("crm:broken", 60_000, "fast");
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> engine.awaitResult(id, Map.class, WAIT));
        assertTrue(failed.getMessage().contains("HTTP 500 on page 2"), failed.getMessage());
        assertEquals(3, api.fetchesOf(2), "the fast preset's three attempts");
        TrackedRun run = tracker.run(id.value()).orElseThrow();
        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.error().contains("HTTP 500 on page 2"), run.error());
        assertEquals(10L, run.counter("inserted"), "the two pages before the failure stay imported");
        assertTrue(tracking.findLock("crm:broken").isEmpty());
        assertTrue(events.seen().stream().anyMatch(e -> e instanceof SyncFailed f && f.runId().equals(id.value())));
    }

    @Test
    void aResourceLockedByALiveSyncRefusesTheSecond() {
        tracking.acquireLock("crm:busy", "other-sync", TestEngineConfig.START, Duration.ofMinutes(5));
        RunId id = sync("crm:busy", 60_000, "none");
        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> engine.awaitResult(id, Map.class, WAIT));
        assertTrue(failed.getMessage().contains("locked by other-sync"), failed.getMessage());
        assertEquals(0, api.fetchesOf(0), "nothing was fetched");
        assertEquals(RunStatus.FAILED, tracker.run(id.value()).orElseThrow().status());
        assertEquals("other-sync", tracking.findLock("crm:busy").orElseThrow().holder(), "the holder keeps its lock");
    }

    @Test
    void aCancelledWorkflowRunReadsCancelledThroughTheTracker() {
        owner.set("tenant-x");
        tracking.acquireLock("tenant-x/crm:cancel", "other-sync", TestEngineConfig.START, Duration.ofMinutes(5));
        RunId id = engine.start(SyncWorkflows.OffsetSyncWorkflow.class, "crm:cancel",
                new SyncWorkflows.SyncOrder("crm:cancel", 60_000, "none"));
        awaitStatus(id, RunStatus.SUSPENDED);
        engine.cancel(id, "ops", "not needed");
        TrackedRun run = tracker.run(id.value()).orElseThrow();
        assertEquals(RunStatus.CANCELLED, run.status());
        assertEquals(List.of(id.value()), tracker.runs(new TrackedRunQuery("contact-offset-sync", RunStatus.CANCELLED, 10))
                .stream().map(TrackedRun::id).toList());
        assertEquals("contact-offset-sync CANCELLED", tracker.summary(id.value()).describe().split(" in ")[0]);
        assertTrue(tracking.releaseLock("tenant-x/crm:cancel", "other-sync"));
    }

    @Test
    void aDurableStepsProgressCallsAndLinksAreOnItsOwnJournalRow() {
        RunId id = engine.startJson("reporting", "report-1", "10");
        assertEquals(19, engine.awaitResult(id, Integer.class, WAIT));
        List<TrackedStep> steps = tracker.steps(id.value());
        assertEquals(List.of("importAll", "importPlain"), steps.stream().map(TrackedStep::stepType).toList());
        TrackedStep transactional = steps.get(0);
        assertTrue(transactional.durable());
        assertEquals(id.value() + ":importAll#1", transactional.id());
        assertEquals(TrackStatus.COMPLETED, transactional.status());
        assertEquals(new StepProgress(10, 10, 9, 1), transactional.progress());
        assertEquals("9", transactional.outputJson());
        assertEquals(1, tracker.calls(transactional.id()).size());
        assertEquals(1, tracker.stepLinks(transactional.id()).size());
        assertEquals(new StepProgress(10, 10, 10, 0), steps.get(1).progress());
        // one journal entry per step, completed in place of the RUNNING entry the tracker asked for
        assertEquals(List.of(StepStatus.COMPLETED, StepStatus.COMPLETED),
                store.loadJournal(id).stream().map(StepInfo::status).toList());
        assertThrows(IllegalStateException.class, () -> tracker.failStep(transactional.id(), "late"));
    }

    @Test
    void aTrackedJobIsNeverClaimedBySweepsOrTheEngine() {
        String job = tracker.createRun(RunSpec.of("nightly_export", "cron"));
        String running = tracker.createRun(RunSpec.of("nightly_export", "cron"));
        tracker.startRun(running);
        advanceAndSweep(Duration.ofDays(1));
        List<RunId> resumed = engine.resumeAll(1000, Duration.ofMinutes(1));
        assertFalse(resumed.contains(new RunId(job)) || resumed.contains(new RunId(running)), resumed.toString());
        awaitIdle();
        assertEquals(RunStatus.PENDING, tracker.run(job).orElseThrow().status());
        assertEquals(RunStatus.RUNNING, tracker.run(running).orElseThrow().status());
        assertEquals(RunStatus.PENDING, engine.status(new RunId(job)).status(), "the engine reads the same row");
        assertTrue(engine.status(new RunId(job)).job());
        IllegalTransitionException signal = assertThrows(IllegalTransitionException.class,
                () -> engine.signalJson(new RunId(running), "go", null, null));
        assertTrue(signal.getMessage().contains("tracked job (nightly_export), not a workflow run"), signal.getMessage());
        assertThrows(IllegalTransitionException.class, () -> engine.pause(new RunId(running), "ops", "why"));
        assertFalse(engine.status(new RunId(running)).paused());
        tracker.finishRun(running, "ok");
        assertEquals(RunStatus.COMPLETED, engine.status(new RunId(running)).status());
    }

    @Test
    void aSyncWaitingForABusyResourceStartsOnceItIsFree() {
        tracking.acquireLock("crm:queue", "other-sync", TestEngineConfig.START, Duration.ofMinutes(5));
        RunId id = engine.start(SyncWorkflows.OffsetSyncWorkflow.class, "crm:queue",
                new SyncWorkflows.SyncOrder("crm:queue", 60_000, "none"));
        awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(0, api.fetchesOf(0));
        assertTrue(tracking.releaseLock("crm:queue", "other-sync"));
        advanceAndSweep(DefaultSyncs.WAIT_POLL);
        assertEquals(Map.of("fetched", 20L, "inserted", 20L, "pages", 5L), counters(id));
    }

    @Test
    void batchesCountItemFailuresAndContinueInNewSlicesWhenTheBudgetRunsOut() {
        RunId id = engine.start(SyncWorkflows.BatchSyncWorkflow.class, "batch-1", "numbers");
        RunStatus status = engine.status(id).status();
        for (int sweeps = 0; sweeps < 50 && !status.isTerminal(); sweeps++) {
            awaitIdle();
            dispatcher.poll();
            status = engine.status(id).status();
        }
        String result = engine.awaitResult(id, String.class, WAIT);
        assertTrue(result.startsWith("16 ok, 4 failed, "), result);
        assertFalse(result.endsWith(" 0 new slices"), result);
        TrackedRun run = tracker.run(id.value()).orElseThrow();
        assertEquals(16L, run.counter("succeeded"));
        assertEquals(4L, run.counter("failed"));
    }

    @Test
    void aPlainSyncRunsOnTheCallersThreadAndReportsWhereItStopped() {
        api.fetchTakes(Duration.ofSeconds(1));
        var result = syncs.run(SyncSpec.of("plain_contacts", "crm:plain", "manual").withSliceBudget(Duration.ofMillis(2500)),
                sync -> sync.paginate(new CursorPaging<>("contacts", SyncWorkflows.Contact.class, null, "none", api::page,
                        (items, s) -> items.forEach(c -> s.count(table.upsert(c))))));
        PaginationResult pagination = result.value();
        assertFalse(pagination.done());
        assertEquals(3, pagination.pages());
        assertEquals("3", pagination.position());
        assertEquals(Map.of("fetched", 15L, "inserted", 15L, "pages", 3L), result.counters());
        assertEquals(RunStatus.COMPLETED, tracker.run(result.runId()).orElseThrow().status());
        assertEquals(3, tracker.steps(result.runId()).size());
        assertTrue(tracking.findLock("crm:plain").isEmpty());

        tracking.acquireLock("crm:plain", "someone", TestEngineConfig.START, Duration.ofHours(1));
        ResourceLockedException refused = assertThrows(ResourceLockedException.class, () -> syncs.run(
                SyncSpec.of("plain_contacts", "crm:plain", "manual"), sync -> null));
        assertEquals("someone", refused.holder());
    }
}
