package io.durable.cdi.internal;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalNotFoundException;
import io.durable.api.ApprovalStatus;
import io.durable.api.Branches;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.RunTree;
import io.durable.api.StartVetoedException;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.composition.ParallelRunner;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parallel branches, child workflows, saga compensation, approvals, long loops and lifecycle events. */
class CompositionTest extends EngineTestBase {

    @Inject
    CompositionWorkflows.SagaSteps sagaSteps;

    @Inject
    CompositionWorkflows.Lifecycle lifecycle;

    private List<String> keys(RunId id) {
        return store.loadJournal(id).stream().map(StepInfo::stepKey).toList();
    }

    // --- parallel ---------------------------------------------------------------------------

    @Test
    void branches_run_concurrently_and_the_join_returns_every_result_by_name() {
        RunId id = engine.startJson("quotes", "q-1", "\"ups,dhl,fedex\"");
        assertEquals("ups-quote dhl-quote fedex-quote", engine.awaitResult(id, String.class, WAIT));
        assertTrue(keys(id).containsAll(List.of("@parallel:quotes#1/ups/quote#1", "@parallel:quotes#1/dhl/quote#1",
                "@parallel:quotes#1/fedex/quote#1", "@parallel:quotes#1")), keys(id).toString());
        assertEquals("@parallel:quotes#1", keys(id).get(3), "the join is journaled after every branch");
    }

    @Test
    void a_crash_mid_fork_re_runs_only_the_unfinished_branches() {
        probe.holdSteps(1);
        RunId id = engine.startJson("quotes", "q-crash", "\"ups,held\"");
        awaitHeldQuietly();
        awaitJournal(id, 1);
        // the node stalls past its lease and another node takes the run over; the held branch's write is fenced out
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));
        store.claim(id, "other-node", config.manualClock().instant(), TestEngineConfig.LEASE).orElseThrow();
        probe.openGate();
        awaitIdle();
        assertEquals(List.of("@parallel:quotes#1/ups/quote#1"), keys(id));
        // that node dies too; this node takes the run once the lease expired
        advanceAndSweep(TestEngineConfig.LEASE.plusSeconds(1));
        assertEquals("ups-quote held-quote", engine.awaitResult(id, String.class, WAIT));
        assertEquals(1, probe.count("quote:ups"), "the finished branch is replayed, not re-run");
        assertEquals(2, probe.count("quote:held"), "the unfinished branch runs again");
    }

    @Test
    void a_parked_branch_parks_the_run_once_the_others_finished_and_it_completes_when_due() {
        RunId id = engine.startJson("fork", "fork-ok", "\"first\"");
        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(TestEngineConfig.START.plus(Duration.ofHours(1)), parked.wakeAt());
        assertTrue(parked.waitingFor().contains("slow: sleep"), parked.waitingFor());
        assertEquals(1, probe.count("quote:fast"));

        advanceAndSweep(Duration.ofHours(1));
        assertEquals("slow-1-quote+slow-2-quote fast-quote", engine.awaitResult(id, String.class, WAIT));
        assertEquals(1, probe.count("quote:fast"), "a finished branch is not re-run when the run resumes");
        assertEquals(1, probe.count("quote:slow-1"));
    }

    @Test
    void fail_fast_fails_the_join_at_the_first_failure_and_the_parked_branch_goes_no_further() {
        probe.failFirst("quote:bad", 1);
        probe.failFirst("quote:worse", 1);
        RunId id = engine.startJson("fork", "fork-ff", "\"first fails\"");
        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertTrue(run.error().contains("Parallel block @parallel:fork#1"), run.error());
        assertTrue(run.error().contains("no quote from bad") || run.error().contains("no quote from worse"), run.error());
        assertEquals(0, probe.count("quote:slow-2"));
        StepInfo join = store.loadJournal(id).stream().filter(s -> s.stepKey().equals("@parallel:fork#1")).findFirst()
                .orElseThrow();
        assertEquals(ParallelRunner.FAILED, join.errorType(), "the failed join is journaled");
    }

    @Test
    void wait_for_all_lets_every_branch_finish_and_reports_every_failure() {
        probe.failFirst("quote:bad", 1);
        probe.failFirst("quote:worse", 1);
        RunId id = engine.startJson("fork", "fork-all", "\"all fails\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        advanceAndSweep(Duration.ofHours(1));
        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertEquals(1, probe.count("quote:slow-2"), "the slow branch ran to its end");
        assertTrue(run.error().contains("failed in 2 branches"), run.error());
        assertTrue(run.error().contains("bad: io.durable.api.StepFailedException") && run.error().contains("worse: "),
                run.error());
        assertEquals(1, probe.count("quote:bad"), "a failed branch replays its failure, it does not run again");
    }

    @Test
    void duplicate_or_invalid_branch_names_are_refused() {
        Branches<String> branches = Branches.<String>failFast().add("a", () -> "x");
        WorkflowUsageException duplicate = assertThrows(WorkflowUsageException.class, () -> branches.add("a", () -> "y"));
        assertTrue(duplicate.getMessage().contains("used twice"), duplicate.getMessage());
        assertThrows(WorkflowUsageException.class, () -> branches.add("a/b", () -> "y"));
        assertThrows(WorkflowUsageException.class, () -> branches.add("@x", () -> "y"));
    }

    // --- child workflows --------------------------------------------------------------------

    @Test
    void a_parent_parks_until_its_children_finish_and_gets_their_results_and_failures() {
        RunId id = engine.startJson("parent", "family-1", "\"anna,fail-bob\"");
        assertEquals("anna-quote child failed (FAILED)", engine.awaitResult(id, String.class, WAIT));
        RunTree tree = engine.tree(id);
        assertEquals(2, tree.children().size());
        assertTrue(tree.children().stream().allMatch(c -> id.equals(c.run().parentRunId())));
        assertEquals(List.of(RunStatus.COMPLETED, RunStatus.FAILED), tree.children().stream()
                .map(c -> c.run().status()).sorted().toList());
        RunInfo first = tree.children().stream().filter(c -> c.run().status() == RunStatus.COMPLETED).findFirst()
                .orElseThrow().run();
        assertEquals(id.value() + ":@parallel:children#1/first/@child:child#1", first.instanceId(),
                "the default instance id is deterministic");
    }

    @Test
    void cancelling_a_parent_cancels_its_children() {
        RunId id = engine.startJson("parent", "family-2", "\"wait-1,wait-2\"");
        awaitChildren(id, 2, RunStatus.SUSPENDED);
        awaitStatus(id, RunStatus.SUSPENDED);
        engine.cancel(id, "ops", "customer left");
        RunTree tree = engine.tree(id);
        assertEquals(RunStatus.CANCELLED, tree.run().status());
        assertTrue(tree.children().stream().allMatch(c -> c.run().status() == RunStatus.CANCELLED), tree.toString());
        assertTrue(tree.children().get(0).run().error().contains("parent run " + id), tree.children().get(0).run().error());
    }

    @Test
    void a_child_cancelled_alone_fails_its_parents_wait() {
        RunId id = engine.startJson("parent", "family-3", "\"wait-1,anna\"");
        awaitChildren(id, 2, null);
        RunInfo waiting = engine.list(RunQuery.childrenOf(id)).stream()
                .filter(c -> c.instanceId().contains("first")).findFirst().orElseThrow();
        awaitStatus(waiting.id(), RunStatus.SUSPENDED);
        engine.cancel(waiting.id(), "ops", "not needed");
        assertEquals("child failed (CANCELLED) anna-quote", engine.awaitResult(id, String.class, WAIT));
    }

    @Test
    void a_child_of_a_class_that_is_not_a_workflow_fails_the_parent_clearly() {
        RunId id = engine.startJson("parent", "family-4", "\"unknown\"");
        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertTrue(run.error().contains("CompositionWorkflows$Steps"), run.error());
        assertEquals(List.of(), engine.list(RunQuery.childrenOf(id)));
    }

    // --- saga -------------------------------------------------------------------------------

    @Test
    void a_failed_checkout_compensates_its_completed_steps_in_reverse_order() {
        RunId id = engine.startJson("checkout", "order-1", "\"order-1-fail\"");
        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertEquals(List.of("notify", "refund payment-order-1-fail", "release reservation-order-1-fail"), sagaSteps.undone());
        assertTrue(run.error().contains("the carrier refused order"), run.error());
        assertTrue(run.error().contains("compensated: @saga/undo:confirm#1, @saga/undo:charge#1, @saga/undo:reserve#1"),
                run.error());
        List<StepInfo> undo = store.loadJournal(id).stream().filter(s -> s.stepKey().startsWith("@saga/")).toList();
        assertEquals(3, undo.size());
        assertTrue(undo.stream().allMatch(s -> s.status() == StepStatus.COMPLETED));
    }

    @Test
    void a_compensation_asking_for_its_tracked_step_gets_a_clear_refusal() {
        RunId id = engine.startJson("checkout", "order-4", "\"order-4-tracked-fail\"");
        awaitStatus(id, RunStatus.FAILED);
        List<String> undone = sagaSteps.undone();
        assertTrue(undone.stream().anyMatch(u -> u.startsWith("currentStep() was called in compensation "
                + "@saga/undo:reserve#1")), undone.toString());
        assertTrue(undone.contains("release reservation-order-4-tracked-fail"), undone.toString());
    }

    @Test
    void a_compensation_that_throws_is_recorded_and_the_others_still_run() {
        RunId id = engine.startJson("checkout", "order-2", "\"order-2-refund-fails-fail\"");
        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertEquals(List.of("notify", "release reservation-order-2-refund-fails-fail"), sagaSteps.undone());
        assertTrue(run.error().contains("the carrier refused order"), run.error());
        assertTrue(run.error().contains("compensations failed: @saga/undo:charge#1 (java.lang.IllegalStateException: "
                + "the payment provider refused the refund"), run.error());
        StepInfo refund = store.loadJournal(id).stream().filter(s -> s.stepKey().equals("@saga/undo:charge#1"))
                .findFirst().orElseThrow();
        assertEquals(StepStatus.FAILED, refund.status());
    }

    @Test
    void a_crash_while_compensating_resumes_compensating_and_no_journaled_compensation_runs_again() {
        probe.holdSteps(1);
        RunId id = engine.startJson("checkout", "order-3", "\"order-3-hold-fail\"");
        awaitHeldQuietly();
        assertEquals(RunStatus.COMPENSATING, engine.status(id).status());
        assertEquals(List.of("notify"), sagaSteps.undone());
        // the node stalls past its lease while refunding; another node takes over, then dies as well
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));
        store.claim(id, "other-node", config.manualClock().instant(), TestEngineConfig.LEASE).orElseThrow();
        assertEquals(RunStatus.COMPENSATING, engine.status(id).status(), "a taken-over run keeps compensating");
        probe.openGate();
        awaitIdle();
        advanceAndSweep(TestEngineConfig.LEASE.plusSeconds(1));

        RunInfo run = awaitStatus(id, RunStatus.FAILED);
        assertEquals(1, probe.count("notifyCancelled"), "a journaled compensation never runs again");
        assertEquals(2, probe.count("refund"), "the compensation in flight at the crash runs again (at least once)");
        assertEquals(1, probe.count("release"));
        assertEquals(1, probe.count("ship"), "the failed step is replayed, not re-run");
        assertTrue(run.error().contains("compensated: @saga/undo:confirm#1, @saga/undo:charge#1, @saga/undo:reserve#1"),
                run.error());
    }

    // --- approvals --------------------------------------------------------------------------

    @Test
    void an_approval_is_pending_until_decided_and_the_first_decision_stands() {
        RunId id = engine.startJson("expense-approval", "exp-1", "\"laptop\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        List<Approval> pending = engine.pendingApprovals(id);
        assertEquals(1, pending.size());
        assertEquals("manager", pending.get(0).key());
        assertEquals(TestEngineConfig.START.plus(Duration.ofDays(2)), pending.get(0).expiresAt());
        assertTrue(engine.pendingApprovals(100).stream().anyMatch(a -> a.runId().equals(id)));

        Approval approved = engine.approve(id, "manager", "alice", "within budget");
        assertEquals(ApprovalStatus.APPROVED, approved.status());
        ApprovalDecidedException late = assertThrows(ApprovalDecidedException.class,
                () -> engine.reject(id, "manager", "bob", "too expensive"));
        assertEquals("alice", late.existing().actor());
        assertEquals("APPROVED:alice:within budget", engine.awaitResult(id, String.class, WAIT));
        assertEquals(List.of(), engine.pendingApprovals(id));
    }

    @Test
    void a_rejection_is_journaled_with_its_actor_and_reason() {
        RunId id = engine.startJson("expense-approval", "exp-2", "\"yacht\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        engine.reject(id, "manager", "bob", "no yachts");
        assertEquals("REJECTED:bob:no yachts", engine.awaitResult(id, String.class, WAIT));
        assertTrue(keys(id).contains("@decision:manager#1"));
    }

    @Test
    void an_approval_nobody_decides_expires_into_a_value_the_workflow_branches_on() {
        RunId id = engine.startJson("expense-approval", "exp-3", "\"chair\"");
        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(TestEngineConfig.START.plus(Duration.ofDays(2)), parked.wakeAt());
        advanceAndSweep(Duration.ofDays(2));
        assertEquals("EXPIRED:engine:expired undecided", engine.awaitResult(id, String.class, WAIT));
        assertThrows(ApprovalDecidedException.class, () -> engine.approve(id, "manager", "alice", "late"));
    }

    @Test
    void deciding_an_approval_the_run_never_asked_for_is_refused() {
        RunId id = engine.startJson("expense-approval", "exp-4", "\"desk\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        ApprovalNotFoundException e = assertThrows(ApprovalNotFoundException.class,
                () -> engine.approve(id, "director", "alice", ""));
        assertTrue(e.getMessage().contains("'director'"), e.getMessage());
        assertThrows(io.durable.api.PayloadException.class, () -> engine.approve(id, "manager", " ", ""));
        assertEquals(1, engine.pendingApprovals(id).size(), "a refused decision changes nothing");
    }

    // --- loops and continue-as-new ----------------------------------------------------------

    @Test
    void a_loop_of_ten_thousand_steps_resumes_by_replay_and_runs_each_step_once() {
        RunId id = engine.startJson("loop", "loop-1", "10000");
        awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(5000, probe.count("add"));
        advanceAndSweep(Duration.ofMinutes(1));
        assertEquals(49_995_000L, engine.awaitResult(id, Long.class, WAIT));
        assertEquals(10_000, probe.count("add"), "the 5,000 journaled steps are replayed, not re-run");
        assertEquals(10_001, store.loadJournal(id).size());
    }

    @Test
    void continue_as_new_ends_each_run_with_a_link_to_the_next_and_keeps_every_history_small() {
        RunId first = engine.start(CompositionWorkflows.ForeverWorkflow.class, "forever-1",
                new CompositionWorkflows.Counter(1, 0));
        RunInfo last = engine.await(first, WAIT);
        assertEquals(RunStatus.COMPLETED, last.status());
        assertEquals("15", last.outputJson());
        List<RunInfo> runs = engine.list(new RunQuery("forever", null, 100));
        assertEquals(5, runs.size());
        assertEquals(4, runs.stream().filter(r -> r.status() == RunStatus.CONTINUED && r.continuedAs() != null).count());
        assertTrue(runs.stream().allMatch(r -> store.loadJournal(r.id()).size() == 3));
        assertEquals(last.id(), engine.find("forever", "forever-1").orElseThrow().id(),
                "the instance id belongs to the latest run");
        assertEquals(RunStatus.CONTINUED, engine.status(first).status());
        assertNotNull(engine.status(first).continuedAs());
    }

    // --- lifecycle events -------------------------------------------------------------------

    @Test
    void the_application_observes_the_lifecycle_and_can_veto_a_start() {
        RunId id = engine.startJson("quotes", "events-1", "\"ups\"");
        engine.await(id, WAIT);
        List<String> events = lifecycle.events().stream().filter(e -> e.contains("events-1") || e.startsWith("step"))
                .collect(Collectors.toList());
        assertTrue(events.containsAll(List.of("started events-1", "step @parallel:quotes#1/ups/quote#1",
                "finished events-1 COMPLETED")), events.toString());

        StartVetoedException vetoed = assertThrows(StartVetoedException.class,
                () -> engine.startJson("quotes", "veto-1", "\"ups\""));
        assertTrue(vetoed.getMessage().contains("refused"), vetoed.getMessage());
        assertTrue(engine.find("quotes", "veto-1").isEmpty(), "a vetoed start stores nothing");
    }

    // --- helpers ----------------------------------------------------------------------------

    private void awaitHeldQuietly() {
        try {
            probe.awaitHeld();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private void awaitJournal(RunId id, int entries) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (store.loadJournal(id).size() < entries) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " journaled " + store.loadJournal(id).size() + " entries");
            }
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }

    private void awaitChildren(RunId parent, int count, RunStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (engine.list(RunQuery.childrenOf(parent)).stream()
                .filter(c -> status == null || c.status() == status).count() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + parent + " has " + engine.list(RunQuery.childrenOf(parent)));
            }
            dispatcher.poll();
            java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
        }
    }
}
