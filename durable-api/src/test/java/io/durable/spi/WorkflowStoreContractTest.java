package io.durable.spi;

import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.LeaseLostException;
import io.durable.api.OperatorAction;
import io.durable.api.RunFinishedException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link WorkflowStore} must have. A store module extends this class once per
 * database it supports. Every test uses its own workflow name, so tests share a database safely.
 */
public abstract class WorkflowStoreContractTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    /** Times are whole milliseconds: every database keeps at least that precision. */
    protected final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private String workflow;

    /**
     * The store under test; each call must work on its own (in its own transaction).
     *
     * @return the store
     */
    protected abstract WorkflowStore store();

    /**
     * How the store's transactions are demarcated, for {@link WorkflowStore#appendStepCommitted}; by
     * default none (the work simply runs), as for a store without transactions.
     *
     * @return the transaction runner
     */
    protected TransactionRunner transactions() {
        return new TransactionRunner() {
            @Override
            public <T> T inNewTransaction(Callable<T> work) throws Exception {
                return work.call();
            }
        };
    }

    /** The limits of the store: {@link StoreLimitsContract}, run on this store. */
    @Nested
    class Limits extends StoreLimitsContract {
        @Override
        protected WorkflowStore store() {
            return WorkflowStoreContractTest.this.store();
        }
    }

    /** The reads of the operator surface: {@link RunReadsContract}, run on this store. */
    @Nested
    class Reads extends RunReadsContract {
        @Override
        protected WorkflowStore store() {
            return WorkflowStoreContractTest.this.store();
        }
    }

    @BeforeEach
    void newWorkflowName() {
        workflow = "wf-" + UUID.randomUUID();
    }

    private RunId newRun(String instanceId, Instant at) {
        RunId id = RunId.random();
        store().createRun(new NewRun(id, workflow, 3, instanceId, "{\"n\":1}", at));
        return id;
    }

    private static StepInfo completed(int sequence, String name, String result, Instant at) {
        return new StepInfo(sequence, name + "#1", name, StepStatus.COMPLETED, 1, "h" + sequence, result, null,
                null, at, at.plusMillis(5));
    }

    @Test
    void a_created_run_is_pending_with_its_fields() {
        RunId id = newRun("order-1", t0);

        StoredRun stored = store().findRun(id).orElseThrow();
        RunInfo info = stored.info();
        assertEquals(id, info.id());
        assertEquals(workflow, info.workflowName());
        assertEquals(3, info.workflowVersion());
        assertEquals("order-1", info.instanceId());
        assertEquals(RunStatus.PENDING, info.status());
        assertEquals("{\"n\":1}", info.inputJson());
        assertEquals(t0, info.createdAt());
        assertNull(info.outputJson());
        assertNull(stored.leaseOwner());
        assertEquals(0, stored.leaseEpoch());
    }

    @Test
    void a_second_run_with_the_same_instance_id_is_refused_and_names_the_existing_run() {
        RunId first = newRun("dup", t0);

        DuplicateInstanceException e = assertThrows(DuplicateInstanceException.class,
                () -> store().createRun(new NewRun(RunId.random(), workflow, 3, "dup", null, t0)));
        assertEquals(first.value(), e.existingRunId());
        assertEquals(1, store().listRuns(new RunQuery(workflow, null, 10)).size());
    }

    @Test
    void the_same_instance_id_under_another_workflow_is_another_run() {
        newRun("shared-key", t0);
        String other = workflow + "-other";
        store().createRun(new NewRun(RunId.random(), other, 1, "shared-key", null, t0));

        assertTrue(store().findRun(other, "shared-key").isPresent());
        assertTrue(store().findRun(workflow, "shared-key").isPresent());
    }

    @Test
    void unknown_runs_are_absent_everywhere() {
        RunId unknown = RunId.random();
        assertTrue(store().findRun(unknown).isEmpty());
        assertTrue(store().findRun(workflow, "nope").isEmpty());
        assertTrue(store().loadJournal(unknown).isEmpty());
        assertTrue(store().claim(unknown, "node-a", t0, LEASE).isEmpty());
    }

    @Test
    void a_claim_sets_running_owner_and_the_next_epoch() {
        RunId id = newRun("c1", t0);

        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertEquals(1, lease.epoch());
        assertEquals("node-a", lease.owner());
        assertEquals(t0.plus(LEASE), lease.expiresAt());
        StoredRun stored = store().findRun(id).orElseThrow();
        assertEquals(RunStatus.RUNNING, stored.info().status());
        assertEquals("node-a", stored.leaseOwner());
        assertEquals(1, stored.leaseEpoch());
    }

    @Test
    void a_live_lease_cannot_be_claimed_but_an_expired_one_can() {
        RunId id = newRun("c2", t0);
        store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertTrue(store().claim(id, "node-b", t0.plusSeconds(10), LEASE).isEmpty());

        Lease taken = store().claim(id, "node-b", t0.plus(LEASE).plusMillis(1), LEASE).orElseThrow();
        assertEquals(2, taken.epoch());
        assertEquals("node-b", store().findRun(id).orElseThrow().leaseOwner());
    }

    @Test
    void renewing_extends_a_current_lease_and_fails_for_a_stale_one() {
        RunId id = newRun("r1", t0);
        Lease a = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertEquals(LeaseState.HELD, store().renew(a, t0.plusSeconds(50)));
        assertTrue(store().claim(id, "node-b", t0.plusSeconds(40), LEASE).isEmpty());

        Lease b = store().claim(id, "node-b", t0.plusSeconds(51), LEASE).orElseThrow();
        assertEquals(LeaseState.LOST, store().renew(a, t0.plusSeconds(90)));
        assertEquals(LeaseState.HELD, store().renew(b, t0.plusSeconds(90)));
    }

    @Test
    void the_journal_comes_back_whole_and_in_order() {
        RunId id = newRun("j1", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        for (int i = 0; i < 50; i++) {
            store().appendStep(lease, completed(i, "s" + i, "{\"v\":" + i + "}", t0.plusSeconds(i)));
        }
        StepInfo failed = new StepInfo(50, "bad#1", "bad", StepStatus.FAILED, 1, null, null,
                "java.lang.IllegalStateException", "no stock", t0, t0.plusMillis(1));
        store().appendStep(lease, failed);

        List<StepInfo> journal = store().loadJournal(id);

        assertEquals(51, journal.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(completed(i, "s" + i, "{\"v\":" + i + "}", t0.plusSeconds(i)), journal.get(i));
        }
        assertEquals(failed, journal.get(50));
    }

    @Test
    void a_node_that_lost_its_lease_cannot_journal_or_finish() {
        RunId id = newRun("f1", t0);
        Lease stale = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        Lease current = store().claim(id, "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThrows(LeaseLostException.class,
                () -> store().appendStep(stale, completed(0, "a", "1", t0)));
        assertThrows(LeaseLostException.class,
                () -> store().finishRun(stale, RunStatus.COMPLETED, "1", null, t0));

        store().appendStep(current, completed(0, "a", "2", t0));
        assertEquals("2", store().loadJournal(id).get(0).resultJson());
    }

    @Test
    void a_step_key_is_journaled_once() {
        RunId id = newRun("k1", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        store().appendStep(lease, completed(0, "a", "1", t0));

        assertThrows(JournalConflictException.class,
                () -> store().appendStep(lease, completed(0, "a", "2", t0)));
        assertEquals(1, store().loadJournal(id).size());
        assertEquals("1", store().loadJournal(id).get(0).resultJson());
    }

    @Test
    void finishing_stores_the_outcome_and_ends_the_lease() {
        RunId ok = newRun("done-1", t0);
        Lease okLease = store().claim(ok, "node-a", t0, LEASE).orElseThrow();
        store().finishRun(okLease, RunStatus.COMPLETED, "{\"total\":3}", null, t0.plusSeconds(2));

        RunId bad = newRun("done-2", t0);
        Lease badLease = store().claim(bad, "node-a", t0, LEASE).orElseThrow();
        store().finishRun(badLease, RunStatus.FAILED, null, "boom", t0.plusSeconds(3));

        RunInfo okInfo = store().findRun(ok).orElseThrow().info();
        assertEquals(RunStatus.COMPLETED, okInfo.status());
        assertEquals("{\"total\":3}", okInfo.outputJson());
        assertEquals(t0.plusSeconds(2), okInfo.finishedAt());
        RunInfo badInfo = store().findRun(bad).orElseThrow().info();
        assertEquals(RunStatus.FAILED, badInfo.status());
        assertEquals("boom", badInfo.error());

        Instant muchLater = t0.plus(Duration.ofDays(1));
        assertTrue(store().claim(ok, "node-b", muchLater, LEASE).isEmpty());
        assertTrue(store().claim(bad, "node-b", muchLater, LEASE).isEmpty());
        assertFalse(claimDue(muchLater, null).contains(ok));
    }

    @Test
    void finishing_with_a_status_that_is_not_terminal_is_refused() {
        RunId id = newRun("bad-finish", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertThrows(IllegalArgumentException.class,
                () -> store().finishRun(lease, RunStatus.PENDING, null, null, t0));
    }

    @Test
    void due_runs_are_the_pending_ones_and_those_whose_node_died() {
        RunId pending = newRun("p", t0);
        RunId live = newRun("live", t0);
        RunId dead = newRun("dead", t0);
        RunId released = newRun("released", t0);
        store().claim(live, "node-a", t0.plusSeconds(20), LEASE).orElseThrow();
        store().claim(dead, "node-a", t0, LEASE).orElseThrow();
        Lease toRelease = store().claim(released, "node-a", t0.plusSeconds(20), LEASE).orElseThrow();
        store().release(toRelease, t0.plusSeconds(31));

        List<RunId> claimed = claimDue(t0.plusSeconds(31), null);

        assertTrue(claimed.contains(pending), "pending");
        assertTrue(claimed.contains(dead), "expired lease");
        assertTrue(claimed.contains(released), "released lease");
        assertFalse(claimed.contains(live), "live lease");
        assertEquals(2, store().findRun(released).orElseThrow().leaseEpoch());
        assertEquals("node-b", store().findRun(dead).orElseThrow().leaseOwner());
        assertFalse(claimDue(t0.plusSeconds(32), null).contains(pending), "claimed once");
    }

    private List<RunId> claimDue(Instant now, Instant staleBefore) {
        return store().claimDue("node-b", now, LEASE, 10_000, staleBefore).stream().map(Lease::runId).toList();
    }

    private Lease running(String instance) {
        RunId id = newRun(instance, t0);
        return store().claim(id, "node-a", t0, LEASE).orElseThrow();
    }

    @Test
    void a_parked_run_is_due_when_its_wake_time_passes_and_not_before() {
        Lease lease = running("sleeper");
        store().appendStep(lease, completed(0, "a", "1", t0));

        assertEquals(t0.plusSeconds(60), store().park(lease, new Park(t0.plusSeconds(60), "sleep", null), t0.plusSeconds(1)));

        RunInfo parked = store().findRun(lease.runId()).orElseThrow().info();
        assertEquals(RunStatus.SUSPENDED, parked.status());
        assertEquals(t0.plusSeconds(60), parked.wakeAt());
        assertEquals("sleep", parked.waitingFor());
        assertNull(store().findRun(lease.runId()).orElseThrow().leaseOwner());
        assertTrue(store().upcomingWakes(10_000).stream().anyMatch(w -> w.runId().equals(lease.runId())
                && w.wakeAt().equals(t0.plusSeconds(60))));
        assertFalse(claimDue(t0.plusSeconds(59), null).contains(lease.runId()));
        assertTrue(store().claim(lease.runId(), "node-c", t0.plusSeconds(59), LEASE).isEmpty(), "not due yet");
        assertTrue(claimDue(t0.plusSeconds(60), null).contains(lease.runId()));

        StoredRun woken = store().findRun(lease.runId()).orElseThrow();
        assertEquals(RunStatus.RUNNING, woken.info().status());
        assertEquals(2, woken.leaseEpoch());
        assertNull(woken.info().wakeAt());
        assertNull(woken.info().waitingFor());
        assertThrows(LeaseLostException.class, () -> store().park(lease, new Park(t0, "sleep", null), t0));
    }

    @Test
    void a_signal_is_buffered_consumed_once_and_wakes_a_run_waiting_for_it() {
        Lease lease = running("signals");
        RunId id = lease.runId();
        SignalReceipt first = store().sendSignal(new NewSignal("s1-" + id, id, "go", "{\"n\":1}", null, t0));
        store().sendSignal(new NewSignal("s2-" + id, id, "go", "{\"n\":2}", null, t0.plusSeconds(1)));
        assertFalse(first.duplicate());

        StoredSignal next = store().nextSignal(id, "go").orElseThrow();
        assertEquals("{\"n\":1}", next.payloadJson());
        assertTrue(store().nextSignal(id, "other").isEmpty());
        StepInfo consumed = completed(0, "@signal:go", next.payloadJson(), t0);
        store().consumeSignal(lease, next.id(), consumed);
        assertEquals("{\"n\":2}", store().nextSignal(id, "go").orElseThrow().payloadJson());
        assertEquals(1, store().loadJournal(id).size());
        assertThrows(JournalConflictException.class,
                () -> store().consumeSignal(lease, next.id(), completed(1, "@signal:go", "{}", t0)));

        // parked waiting for "go" while one is buffered: due at once
        Lease again = parkedWaiting(lease, "go", t0.plusSeconds(2));
        // consume the buffered one and park again, now with nothing buffered
        StoredSignal second = store().nextSignal(id, "go").orElseThrow();
        store().consumeSignal(again, second.id(), new StepInfo(1, "@signal:go#2", "@signal:go", StepStatus.COMPLETED, 1,
                null, second.payloadJson(), null, null, t0, t0));
        assertEquals(2, store().loadJournal(id).size());
        assertNull(store().park(again, new Park(null, "signal:go", "go"), t0.plusSeconds(3)));
        assertFalse(claimDue(t0.plusSeconds(4), null).contains(id));

        store().sendSignal(new NewSignal("s3-" + id, id, "go", null, null, t0.plusSeconds(5)));
        assertTrue(claimDue(t0.plusSeconds(5), null).contains(id));
    }

    @Test
    void the_database_time_is_the_time_now_and_does_not_go_back() {
        Instant first = store().databaseTime();
        Instant second = store().databaseTime();
        assertFalse(second.isBefore(first), first + " then " + second);
        Duration fromSystem = Duration.between(java.time.Clock.systemUTC().instant(), first).abs();
        assertTrue(fromSystem.compareTo(Duration.ofMinutes(5)) < 0, "the database runs on this machine: " + fromSystem);
    }

    @Test
    void a_blocked_run_is_never_claimed_until_an_operator_retries_it() {
        Lease lease = running("blocked");
        RunId id = lease.runId();
        store().block(lease, "Run " + id + " does not fit its journal", t0);

        RunInfo blocked = store().findRun(id).orElseThrow().info();
        assertEquals(RunStatus.BLOCKED, blocked.status());
        assertEquals("Run " + id + " does not fit its journal", blocked.error());
        assertFalse(claimDue(t0.plus(Duration.ofDays(1)), t0.plus(Duration.ofDays(1))).contains(id));
        assertThrows(LeaseLostException.class, () -> store().appendStep(lease, completed(0, "a", "1", t0)));
        RunId notBlocked = running("not-blocked").runId();
        assertThrows(IllegalTransitionException.class, () -> store().control(notBlocked,
                new OperatorAction(OperatorAction.Kind.RETRY, "ops", "", t0)));

        store().control(id, new OperatorAction(OperatorAction.Kind.RETRY, "ops", "fixed", t0));
        RunInfo retried = store().findRun(id).orElseThrow().info();
        assertEquals(RunStatus.PENDING, retried.status());
        assertNull(retried.error());
        assertTrue(claimDue(t0.plusSeconds(1), null).contains(id));
    }

    @Test
    void failed_recovery_attempts_are_counted_and_the_last_blocks_the_run() {
        Lease lease = running("poison");
        RunId id = lease.runId();
        assertEquals(1, store().recoveryFailed(lease, "not deployed", 3, t0));
        assertEquals(2, store().recoveryFailed(lease, "not deployed", 3, t0));
        assertEquals(RunStatus.RUNNING, store().findRun(id).orElseThrow().info().status(), "the lease is kept");
        assertEquals(3, store().recoveryFailed(lease, "not deployed", 3, t0));
        RunInfo blocked = store().findRun(id).orElseThrow().info();
        assertEquals(RunStatus.BLOCKED, blocked.status());
        assertEquals("not deployed (after 3 recovery attempts)", blocked.error());

        store().control(id, new OperatorAction(OperatorAction.Kind.RETRY, "ops", "", t0));
        Lease again = store().claim(id, "node-b", t0.plusSeconds(1), LEASE).orElseThrow();
        assertEquals(1, store().recoveryFailed(again, "not deployed", 3, t0), "a retry starts the count anew");
        assertThrows(LeaseLostException.class, () -> store().recoveryFailed(lease, "stale", 3, t0));
    }

    @Test
    void signals_sent_in_one_instant_are_consumed_in_the_order_they_were_sent() {
        Lease lease = running("signal-order");
        RunId id = lease.runId();
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            // random ids, one timestamp: only the order of writes can tell them apart
            store().sendSignal(new NewSignal(UUID.randomUUID().toString(), id, "n", String.valueOf(i), null, t0));
            sent.add(String.valueOf(i));
        }
        List<String> consumed = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            StoredSignal next = store().nextSignal(id, "n").orElseThrow();
            store().consumeSignal(lease, next.id(), new StepInfo(i, "@signal:n#" + (i + 1), "@signal:n",
                    StepStatus.COMPLETED, 1, null, next.payloadJson(), null, null, t0, t0));
            consumed.add(next.payloadJson());
        }
        assertEquals(sent, consumed);
    }

    @Test
    void runs_created_in_one_instant_list_the_last_written_first() {
        List<RunId> created = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            created.add(newRun("same-instant-" + i, t0));
        }
        java.util.Collections.reverse(created);
        assertEquals(created, ids(store().listRuns(new RunQuery(workflow, null, 12))));
    }

    @Test
    void approvals_requested_in_one_instant_list_in_the_order_they_were_requested() {
        List<RunId> requested = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            RunId id = newRun("approval-order-" + i, t0);
            Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
            store().requestApproval(lease, new io.durable.api.Approval(id, workflow, "manager",
                    io.durable.api.ApprovalStatus.PENDING, t0, t0.plus(Duration.ofDays(1)), null, null, null),
                    completed(0, "@approval:manager", null, t0));
            requested.add(id);
        }
        List<RunId> listed = store().pendingApprovals(null, 1000).stream().map(io.durable.api.Approval::runId)
                .filter(requested::contains).toList();
        assertEquals(requested, listed);
    }

    private Lease parkedWaiting(Lease lease, String signal, Instant now) {
        assertEquals(now, store().park(lease, new Park(null, "signal:" + signal, signal), now));
        List<Lease> claimed = store().claimDue("node-b", now, LEASE, 10_000, null).stream()
                .filter(l -> l.runId().equals(lease.runId())).toList();
        assertEquals(1, claimed.size());
        return claimed.get(0);
    }

    @Test
    void a_signal_with_a_known_idempotency_key_is_stored_once() {
        RunId id = newRun("idem", t0);
        SignalReceipt first = store().sendSignal(new NewSignal("a-" + id, id, "go", "1", "key-1", t0));
        SignalReceipt again = store().sendSignal(new NewSignal("b-" + id, id, "go", "2", "key-1", t0));

        assertTrue(again.duplicate());
        assertEquals(first.signalId(), again.signalId());
        assertEquals("1", store().nextSignal(id, "go").orElseThrow().payloadJson());
    }

    @Test
    void signals_to_unknown_or_finished_runs_are_refused() {
        assertThrows(RunNotFoundException.class, () -> store().sendSignal(
                new NewSignal("x", RunId.random(), "go", null, null, t0)));
        Lease lease = running("done");
        store().finishRun(lease, RunStatus.COMPLETED, null, null, t0);
        RunFinishedException e = assertThrows(RunFinishedException.class, () -> store().sendSignal(
                new NewSignal("y-" + lease.runId(), lease.runId(), "go", null, null, t0)));
        assertEquals(RunStatus.COMPLETED, e.status());
    }

    @Test
    void a_paused_run_is_not_claimed_until_unpaused() {
        RunId id = newRun("pause", t0);
        RunInfo paused = store().control(id, new OperatorAction(OperatorAction.Kind.PAUSE, "ops", "fraud check", t0));
        assertTrue(paused.paused());
        assertEquals("ops", paused.lastAction().actor());
        assertEquals("fraud check", paused.lastAction().reason());
        assertTrue(store().claim(id, "node-a", t0, LEASE).isEmpty());
        assertFalse(claimDue(t0.plusSeconds(1), null).contains(id));
        assertThrows(IllegalTransitionException.class, () -> store().control(id,
                new OperatorAction(OperatorAction.Kind.PAUSE, "ops", "", t0)));

        store().control(id, new OperatorAction(OperatorAction.Kind.UNPAUSE, "ops", "cleared", t0.plusSeconds(2)));
        assertFalse(store().findRun(id).orElseThrow().info().paused());
        assertThrows(IllegalTransitionException.class, () -> store().control(id,
                new OperatorAction(OperatorAction.Kind.UNPAUSE, "ops", "", t0)));
        assertTrue(claimDue(t0.plusSeconds(2), null).contains(id));
    }

    @Test
    void pausing_a_running_run_shows_in_its_renewal_and_unpausing_a_pause_park_wakes_it() {
        Lease lease = running("pause-running");
        store().control(lease.runId(), new OperatorAction(OperatorAction.Kind.PAUSE, "ops", "", t0));
        assertEquals(LeaseState.HELD_PAUSED, store().renew(lease, t0.plusSeconds(10)));

        assertNull(store().park(lease, new Park(null, "pause", null), t0.plusSeconds(1)));
        assertFalse(claimDue(t0.plusSeconds(5), null).contains(lease.runId()));
        RunInfo unpaused = store().control(lease.runId(),
                new OperatorAction(OperatorAction.Kind.UNPAUSE, "ops", "", t0.plusSeconds(6)));
        assertEquals(t0.plusSeconds(6), unpaused.wakeAt());
        assertTrue(claimDue(t0.plusSeconds(6), null).contains(lease.runId()));
    }

    @Test
    void cancelling_ends_a_run_and_fences_its_node() {
        Lease lease = running("cancel");
        RunInfo cancelled = store().control(lease.runId(),
                new OperatorAction(OperatorAction.Kind.CANCEL, "user-7", "customer request", t0.plusSeconds(1)));

        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(t0.plusSeconds(1), cancelled.finishedAt());
        assertTrue(cancelled.error().contains("user-7"));
        assertEquals(LeaseState.LOST, store().renew(lease, t0.plusSeconds(10)));
        assertThrows(LeaseLostException.class, () -> store().appendStep(lease, completed(0, "a", "1", t0)));
        assertThrows(RunFinishedException.class, () -> store().control(lease.runId(),
                new OperatorAction(OperatorAction.Kind.CANCEL, "user-7", "", t0)));
        assertThrows(RunNotFoundException.class, () -> store().control(RunId.random(),
                new OperatorAction(OperatorAction.Kind.PAUSE, "ops", "", t0)));

        RunId parked = newRun("cancel-parked", t0);
        Lease parkedLease = store().claim(parked, "node-a", t0, LEASE).orElseThrow();
        store().park(parkedLease, new Park(t0.plusSeconds(5), "sleep", null), t0);
        store().control(parked, new OperatorAction(OperatorAction.Kind.CANCEL, "ops", "", t0.plusSeconds(1)));
        assertNull(store().findRun(parked).orElseThrow().info().wakeAt());
        assertFalse(claimDue(t0.plusSeconds(10), null).contains(parked));
    }

    @Test
    void the_conflict_policies_on_start() {
        RunId first = newRun("conflict", t0);
        RunId second = RunId.random();
        NewRun again = new NewRun(second, workflow, 3, "conflict", null, t0.plusSeconds(1));

        assertThrows(DuplicateInstanceException.class, () -> store().createRun(again, ConflictPolicy.FAIL, t0));
        assertEquals(first, store().createRun(again, ConflictPolicy.USE_EXISTING, t0).id());
        assertTrue(store().findRun(second).isEmpty());

        RunInfo fresh = store().createRun(again, ConflictPolicy.TERMINATE_EXISTING, t0.plusSeconds(1));
        assertEquals(second, fresh.id());
        assertEquals(RunStatus.PENDING, fresh.status());
        assertEquals(second, store().findRun(workflow, "conflict").orElseThrow().id());
        RunInfo old = store().findRun(first).orElseThrow().info();
        assertEquals(RunStatus.CANCELLED, old.status());
        assertEquals("conflict", old.instanceId());

        RunId third = RunId.random();
        store().createRun(new NewRun(third, workflow, 3, "conflict", null, t0.plusSeconds(2)),
                ConflictPolicy.TERMINATE_EXISTING, t0.plusSeconds(2));
        assertEquals(third, store().findRun(workflow, "conflict").orElseThrow().id());
        assertEquals(RunStatus.CANCELLED, store().findRun(second).orElseThrow().info().status());
    }

    @Test
    void a_retrying_entry_is_replaced_by_the_later_attempt_and_nothing_else_is() {
        Lease lease = running("retry");
        StepInfo retrying = new StepInfo(0, "charge#1", "charge", StepStatus.RETRYING, 1, "h", "\"2026-01-01T00:01:00Z\"",
                "java.io.IOException", "503", t0, t0.plusMillis(3));
        store().appendStep(lease, retrying);
        StepInfo done = new StepInfo(0, "charge#1", "charge", StepStatus.COMPLETED, 2, "h", "42", null, null, t0,
                t0.plusSeconds(61));
        store().replaceStep(lease, done);

        StepInfo stored = store().loadJournal(lease.runId()).get(0);
        assertEquals(StepStatus.COMPLETED, stored.status());
        assertEquals(2, stored.attempt());
        assertEquals("42", stored.resultJson());
        assertThrows(JournalConflictException.class, () -> store().replaceStep(lease, done));
    }

    @Test
    void a_stale_run_is_taken_over_only_when_asked() {
        Lease lease = running("stale");
        store().appendStep(lease, completed(0, "a", "1", t0));
        store().renew(lease, t0.plusSeconds(600));

        assertFalse(claimDue(t0.plusSeconds(120), null).contains(lease.runId()));
        assertTrue(claimDue(t0.plusSeconds(120), t0.plusSeconds(60)).contains(lease.runId()));
        assertThrows(LeaseLostException.class, () -> store().appendStep(lease, completed(1, "b", "1", t0)));
    }

    @Test
    void an_entry_committed_on_its_own_is_written_once_and_only_while_the_lease_holds() throws Exception {
        Lease stale = running("alone-1");
        Lease current = store().claim(stale.runId(), "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThrows(LeaseLostException.class,
                () -> store().appendStepCommitted(stale, completed(0, "a", "1", t0), transactions()));
        store().appendStepCommitted(current, completed(0, "a", "2", t0), transactions());
        store().appendStepCommitted(current, new StepInfo(1, "b#1", "b", StepStatus.FAILED, 2, null, null,
                "java.lang.IllegalStateException", "refused", null, t0.plusMillis(7)), transactions());
        assertThrows(JournalConflictException.class,
                () -> store().appendStepCommitted(current, completed(0, "a", "3", t0), transactions()));

        List<StepInfo> journal = store().loadJournal(current.runId());
        assertEquals(List.of(completed(0, "a", "2", t0), new StepInfo(1, "b#1", "b", StepStatus.FAILED, 2, null, null,
                "java.lang.IllegalStateException", "refused", null, t0.plusMillis(7))), journal);
    }

    @Test
    void a_batch_of_entries_of_several_runs_writes_those_whose_lease_holds_and_skips_a_fenced_one() {
        Lease healthy = running("batch-a");
        Lease fenced = running("batch-b");
        Lease other = running("batch-c");
        store().claim(fenced.runId(), "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        boolean[] written = store().appendSteps(List.of(new LeasedStep(healthy, completed(0, "a", "1", t0)),
                new LeasedStep(fenced, completed(0, "a", "2", t0)), new LeasedStep(other, completed(0, "a", "3", t0)),
                new LeasedStep(healthy, completed(1, "b", "4", t0))));

        assertArrayEquals(new boolean[]{true, false, true, true}, written);
        assertEquals(List.of("1", "4"), store().loadJournal(healthy.runId()).stream().map(StepInfo::resultJson).toList());
        assertEquals(List.of(), store().loadJournal(fenced.runId()));
        assertEquals(List.of("3"), store().loadJournal(other.runId()).stream().map(StepInfo::resultJson).toList());
    }

    @Test
    void a_batch_holding_an_entry_that_exists_is_a_journal_conflict_and_writes_nothing() {
        Lease first = running("conflict-a");
        Lease second = running("conflict-b");
        store().appendStep(first, completed(0, "a", "1", t0));

        assertThrows(JournalConflictException.class, () -> store().appendSteps(List.of(
                new LeasedStep(second, completed(0, "a", "2", t0)), new LeasedStep(first, completed(0, "a", "1", t0)))));
        assertEquals(List.of(), store().loadJournal(second.runId()));
        assertEquals(1, store().loadJournal(first.runId()).size());
    }

    @Test
    void a_batch_committed_on_its_own_writes_every_column_and_skips_only_a_fenced_run() throws Exception {
        Lease healthy = running("own-batch-a");
        Lease fenced = running("own-batch-b");
        Lease other = running("own-batch-c");
        store().claim(fenced.runId(), "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
        StepInfo failed = new StepInfo(1, "b#1", "b", StepStatus.FAILED, 3, "5e8f", null,
                "java.lang.IllegalStateException", "refused: \"quoted\", {braces}, 'single'", t0, t0.plusMillis(7));
        StepInfo text = completed(0, "a", "\"line 1\\nline 2 \u00e9\u4e2d\"", t0);

        boolean[] written = store().appendStepsCommitted(List.of(new LeasedStep(healthy, completed(0, "a", "1", t0)),
                new LeasedStep(fenced, completed(0, "a", "2", t0)), new LeasedStep(other, text),
                new LeasedStep(healthy, failed)), transactions());

        assertArrayEquals(new boolean[]{true, false, true, true}, written);
        assertEquals(List.of(completed(0, "a", "1", t0), failed), store().loadJournal(healthy.runId()));
        assertEquals(List.of(), store().loadJournal(fenced.runId()));
        assertEquals(List.of(text), store().loadJournal(other.runId()));
    }

    @Test
    void a_batch_committed_on_its_own_holding_an_entry_that_exists_writes_none_of_its_entries() throws Exception {
        Lease first = running("own-conflict-a");
        Lease second = running("own-conflict-b");
        store().appendStepCommitted(first, completed(0, "a", "1", t0), transactions());

        assertThrows(JournalConflictException.class, () -> store().appendStepsCommitted(List.of(
                new LeasedStep(second, completed(0, "a", "2", t0)), new LeasedStep(first, completed(0, "a", "1", t0))),
                transactions()));
        assertEquals(List.of(), store().loadJournal(second.runId()));
        assertEquals(1, store().loadJournal(first.runId()).size());
    }

    @Test
    void a_batch_of_ends_committed_on_its_own_ends_the_runs_whose_lease_holds() throws Exception {
        Lease completed = running("ends-a");
        Lease fenced = running("ends-b");
        Lease failed = running("ends-c");
        store().claim(fenced.runId(), "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        boolean[] ended = store().finishRunsCommitted(List.of(
                new RunEnd(completed, RunStatus.COMPLETED, "{\"n\":\"\u00e9 \\\" ,{}\"}", null, t0.plusSeconds(2)),
                new RunEnd(fenced, RunStatus.COMPLETED, "1", null, t0.plusSeconds(2)),
                new RunEnd(failed, RunStatus.FAILED, null, "boom, \"quoted\" {x}", t0.plusSeconds(3))), transactions());

        assertArrayEquals(new boolean[]{true, false, true}, ended);
        RunInfo done = store().findRun(completed.runId()).orElseThrow().info();
        assertEquals(RunStatus.COMPLETED, done.status());
        assertEquals("{\"n\":\"\u00e9 \\\" ,{}\"}", done.outputJson());
        assertEquals(t0.plusSeconds(2), done.finishedAt());
        assertEquals(RunStatus.RUNNING, store().findRun(fenced.runId()).orElseThrow().info().status());
        RunInfo broken = store().findRun(failed.runId()).orElseThrow().info();
        assertEquals(RunStatus.FAILED, broken.status());
        assertEquals("boom, \"quoted\" {x}", broken.error());
        assertEquals(t0.plusSeconds(3), broken.finishedAt());
        assertThrows(LeaseLostException.class, () -> store().appendStep(completed, completed(0, "a", "1", t0)));
    }

    @Test
    void a_batch_of_ends_holding_a_status_that_does_not_end_a_run_ends_none() {
        Lease first = running("ends-refused-a");
        Lease second = running("ends-refused-b");

        assertThrows(IllegalArgumentException.class, () -> store().finishRunsCommitted(List.of(
                new RunEnd(first, RunStatus.COMPLETED, "1", null, t0), new RunEnd(second, RunStatus.RUNNING, null, null, t0)),
                transactions()));
        assertEquals(RunStatus.RUNNING, store().findRun(first.runId()).orElseThrow().info().status());
        assertEquals(RunStatus.RUNNING, store().findRun(second.runId()).orElseThrow().info().status());
    }

    @Test
    void a_batch_of_starts_committed_on_its_own_inserts_the_runs_it_answers_for_and_no_other() throws Exception {
        newRun("taken", t0);
        List<RunStart> starts = List.of(
                new RunStart(new NewRun(RunId.random(), workflow, 3, "leased", "{\"n\":\"\u00e9 \\\"\"}", t0)
                        .withOwner("tenant-a"), "node-a", t0.plus(LEASE)),
                new RunStart(new NewRun(RunId.random(), workflow, 3, "pending", null, t0), null, null),
                new RunStart(new NewRun(RunId.random(), workflow, 3, "taken", "{}", t0), "node-a", t0.plus(LEASE)),
                new RunStart(new NewRun(RunId.random(), workflow, 3, "twice", "{}", t0), "node-a", t0.plus(LEASE)),
                new RunStart(new NewRun(RunId.random(), workflow, 3, "twice", "{}", t0), "node-a", t0.plus(LEASE)));

        List<StoredRun> stored = store().insertRunsCommitted(starts, transactions());

        assertEquals(starts.size(), stored.size());
        assertNull(stored.get(2), "a taken instance id is left to the insert alone");
        assertFalse(stored.get(3) != null && stored.get(4) != null, "one instance id, one run");
        for (int i = 0; i < starts.size(); i++) {
            RunId id = starts.get(i).run().id();
            if (stored.get(i) == null) {
                assertTrue(store().findRun(id).isEmpty(), () -> "a start answered null is not inserted: " + id);
            } else {
                assertEquals(stored.get(i), store().findRun(id).orElseThrow());
            }
        }
        if (stored.get(0) != null) {
            assertEquals(RunStatus.RUNNING, stored.get(0).info().status());
            assertEquals("node-a", stored.get(0).leaseOwner());
            assertEquals(1, stored.get(0).leaseEpoch());
            assertEquals("tenant-a", stored.get(0).info().owner());
        }
        if (stored.get(1) != null) {
            assertEquals(RunStatus.PENDING, stored.get(1).info().status());
            assertNull(stored.get(1).leaseOwner());
        }
    }

    @Test
    void a_run_inserted_and_finished_on_their_own_writes_as_in_a_transaction() throws Exception {
        RunId id = RunId.random();
        NewRun run = new NewRun(id, workflow, 3, "alone", "{\"n\":1}", t0).withOwner("tenant-a")
                .withTraceParent("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        StoredRun stored = store().insertRunCommitted(run, "node-a", t0.plus(LEASE), transactions());
        assertThrows(DuplicateInstanceException.class, () -> store().insertRunCommitted(
                new NewRun(RunId.random(), workflow, 3, "alone", "{}", t0), null, null, transactions()));
        RunId pendingId = RunId.random();
        StoredRun pending = store().insertRunCommitted(new NewRun(pendingId, workflow, 3, "alone-2", "{}", t0), null,
                null, transactions());

        assertEquals(stored, store().findRun(id).orElseThrow());
        assertEquals(RunStatus.RUNNING, stored.info().status());
        assertEquals("tenant-a", stored.info().owner());
        assertEquals(pending, store().findRun(pendingId).orElseThrow());
        assertEquals(RunStatus.PENDING, pending.info().status());

        Lease lease = new Lease(id, "node-a", 1, t0.plus(LEASE));
        Lease stale = new Lease(id, "node-b", 2, t0.plus(LEASE));
        assertThrows(LeaseLostException.class, () -> store().finishRunCommitted(stale, RunStatus.COMPLETED, "1", null,
                t0.plusSeconds(1), transactions()));
        store().finishRunCommitted(lease, RunStatus.FAILED, null, "boom", t0.plusSeconds(2), transactions());
        RunInfo ended = store().findRun(id).orElseThrow().info();
        assertEquals(RunStatus.FAILED, ended.status());
        assertEquals("boom", ended.error());
        assertEquals(t0.plusSeconds(2), ended.finishedAt());
        assertThrows(LeaseLostException.class, () -> store().finishRunCommitted(lease, RunStatus.COMPLETED, "1", null,
                t0.plusSeconds(3), transactions()));
        assertThrows(IllegalArgumentException.class, () -> store().finishRunCommitted(lease, RunStatus.RUNNING, null,
                null, t0.plusSeconds(3), transactions()));
    }

    @Test
    void a_run_inserted_leased_is_running_at_epoch_one_and_needs_no_claim() {
        RunId id = RunId.random();
        StoredRun stored = store().insertRun(new NewRun(id, workflow, 3, "leased", "{\"n\":1}", t0), "node-a",
                t0.plus(LEASE));

        assertEquals(RunStatus.RUNNING, stored.info().status());
        assertEquals("node-a", stored.leaseOwner());
        assertEquals(1, stored.leaseEpoch());
        Lease lease = new Lease(id, "node-a", 1, t0.plus(LEASE));
        store().appendStep(lease, completed(0, "a", "1", t0));
        assertEquals(1, store().loadJournal(id).size());
        assertTrue(store().claim(id, "node-b", t0.plusSeconds(1), LEASE).isEmpty());
        assertFalse(claimDue(t0.plusSeconds(1), null).contains(id));
        assertTrue(claimDue(t0.plus(LEASE).plusSeconds(1), null).contains(id));
        assertThrows(LeaseLostException.class, () -> store().appendStep(lease, completed(1, "b", "1", t0)));
    }

    @Test
    void a_run_inserted_without_a_lease_is_pending_and_a_taken_instance_id_is_refused() {
        RunId id = RunId.random();
        StoredRun stored = store().insertRun(new NewRun(id, workflow, 3, "plain", null, t0), null, null);
        assertEquals(RunStatus.PENDING, stored.info().status());
        assertEquals(0, stored.leaseEpoch());

        DuplicateInstanceException taken = assertThrows(DuplicateInstanceException.class, () -> store()
                .insertRun(new NewRun(RunId.random(), workflow, 3, "plain", null, t0), "node-a", t0.plus(LEASE)));
        assertTrue(taken.getMessage().contains("plain"), taken.getMessage());
        assertEquals(id, store().findRun(workflow, "plain").orElseThrow().id());
    }

    @Test
    void a_run_whose_journal_grew_since_the_bound_is_not_stale() {
        Lease lease = running("busy");
        store().renew(lease, t0.plusSeconds(600));
        store().appendStep(lease, completed(0, "a", "1", t0.plusSeconds(90)));

        assertFalse(claimDue(t0.plusSeconds(120), t0.plusSeconds(60)).contains(lease.runId()));
        store().appendStep(lease, completed(1, "b", "1", t0.plusSeconds(100)));
        assertTrue(claimDue(t0.plusSeconds(200), t0.plusSeconds(150)).contains(lease.runId()));
    }

    @Test
    void listing_filters_by_workflow_and_status_newest_first() {
        RunId older = newRun("l1", t0);
        RunId newer = newRun("l2", t0.plusSeconds(1));
        RunId running = newRun("l3", t0.plusSeconds(2));
        store().claim(running, "node-a", t0, LEASE).orElseThrow();

        assertEquals(List.of(running, newer, older), ids(store().listRuns(new RunQuery(workflow, null, 10))));
        assertEquals(List.of(newer, older), ids(store().listRuns(new RunQuery(workflow, RunStatus.PENDING, 10))));
        assertEquals(List.of(running), ids(store().listRuns(new RunQuery(workflow, RunStatus.RUNNING, 10))));
        assertEquals(List.of(running, newer), ids(store().listRuns(new RunQuery(workflow, null, 2))));
    }

    @Test
    void of_eight_nodes_claiming_one_run_at_once_exactly_one_wins() throws Exception {
        RunId id = newRun("race", t0);
        int nodes = 8;
        CyclicBarrier barrier = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Optional<Lease>>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String owner = "node-" + i;
                Callable<Optional<Lease>> claim = () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return store().claim(id, owner, t0, LEASE);
                };
                claims.add(pool.submit(claim));
            }
            int winners = 0;
            for (Future<Optional<Lease>> claim : claims) {
                if (claim.get(30, TimeUnit.SECONDS).isPresent()) {
                    winners++;
                }
            }
            assertEquals(1, winners);
            assertEquals(1, store().findRun(id).orElseThrow().leaseEpoch());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void long_payloads_survive_the_round_trip() {
        String big = "x".repeat(200_000);
        RunId id = RunId.random();
        store().createRun(new NewRun(id, workflow, 1, "big", "\"" + big + "\"", t0));
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        store().appendStep(lease, completed(0, "a", "\"" + big + "\"", t0));

        assertEquals("\"" + big + "\"", store().findRun(id).orElseThrow().info().inputJson());
        assertNotNull(store().loadJournal(id).get(0).resultJson());
        assertEquals(big.length() + 2, store().loadJournal(id).get(0).resultJson().length());
        assertEquals(t0.truncatedTo(ChronoUnit.MILLIS), store().loadJournal(id).get(0).startedAt());
    }

    /**
     * JSON texts as the engine's codec writes them: 4-byte characters raw, U+0000, control characters
     * and lone surrogates as escapes, numbers past double and long precision, scales, very long text.
     */
    private static List<String> trickyJson() {
        return List.of(
                "null",
                "\"\"",
                "\"a\\u0000b\\u0001c\"",
                "\"\uD83D\uDE00 \uD834\uDD1E \u4E2D \u00E9 \u2028 \u200B \uFEFF\"",
                "\"\\ud83d lone \\ude00\"",
                "\"tab\\t quote\\\" backslash\\\\ slash/ \\u001f  \"",
                "{\"big\":123456789012345678901234567890.123456789012345678901234567890,\"long\":9223372036854775807,"
                        + "\"past53\":9007199254740993,\"tiny\":4.9E-324,\"scale\":1.10,\"huge\":1E+400,\"zero\":-0.0}",
                "[null,\"x\",{\"k\":[1,2]},\"AAECAwQF/w==\"]",
                "\"" + "\uD83D\uDE00\u00E9x".repeat(50_000) + "\"");
    }

    @Test
    void json_texts_with_any_unicode_and_big_numbers_come_back_byte_equal() {
        List<String> texts = trickyJson();
        RunId id = RunId.random();
        store().createRun(new NewRun(id, workflow, 1, "tricky", texts.get(3), t0));
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        for (int i = 0; i < texts.size(); i++) {
            store().appendStep(lease, completed(i, "s" + i, texts.get(i), t0));
        }
        store().finishRun(lease, RunStatus.COMPLETED, texts.get(6), null, t0.plusSeconds(1));

        List<StepInfo> journal = store().loadJournal(id);
        assertEquals(texts.size(), journal.size());
        for (int i = 0; i < texts.size(); i++) {
            String read = journal.get(i).resultJson();
            int index = i;
            assertEquals(texts.get(i), read, () -> "text " + index + " changed in the store");
            assertArrayEquals(texts.get(i).getBytes(StandardCharsets.UTF_8), read.getBytes(StandardCharsets.UTF_8));
        }
        RunInfo run = store().findRun(id).orElseThrow().info();
        assertEquals(texts.get(3), run.inputJson());
        assertEquals(texts.get(6), run.outputJson());
    }

    private static List<RunId> ids(List<RunInfo> runs) {
        return runs.stream().map(RunInfo::id).toList();
    }

    // --- composition ------------------------------------------------------------------------

    @Test
    void a_child_run_keeps_its_parent_link_and_the_parent_lists_its_children() {
        RunId parent = newRun("parent", t0);
        RunId child = RunId.random();
        store().createRun(new NewRun(child, workflow, 3, "parent:child#1", null, t0.plusMillis(1), parent,
                "@child:x#1"), ConflictPolicy.FAIL, t0);
        newRun("unrelated", t0.plusMillis(2));

        RunInfo stored = store().findRun(child).orElseThrow().info();
        assertEquals(parent, stored.parentRunId());
        assertEquals("@child:x#1", stored.parentStepKey());
        assertEquals(List.of(child), store().listRuns(RunQuery.childrenOf(parent)).stream().map(RunInfo::id).toList());
        assertEquals(List.of(), store().listRuns(RunQuery.childrenOf(child)));
    }

    @Test
    void a_compensating_run_keeps_compensating_when_another_node_takes_it_over_and_then_fails() {
        RunId id = newRun("saga", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        store().startCompensating(lease, t0.plusSeconds(1));
        assertEquals(RunStatus.COMPENSATING, store().findRun(id).orElseThrow().info().status());
        assertEquals(LeaseState.HELD, store().renew(lease, t0.plusSeconds(40)));
        store().appendStep(lease, completed(0, "undo:charge", null, t0.plusSeconds(2)));

        Instant expired = t0.plusSeconds(41);
        Lease taken = store().claimDue("node-b", expired, LEASE, 1000, null).stream()
                .filter(l -> l.runId().equals(id)).findFirst().orElseThrow();
        assertEquals(RunStatus.COMPENSATING, store().findRun(id).orElseThrow().info().status());
        assertThrows(LeaseLostException.class, () -> store().startCompensating(lease, expired));
        store().finishRun(taken, RunStatus.FAILED, null, "failed | compensated: undo:charge#1", expired);
        assertEquals(RunStatus.FAILED, store().findRun(id).orElseThrow().info().status());
    }

    @Test
    void continuing_as_new_ends_the_run_and_hands_the_instance_id_and_parent_link_to_the_next() {
        RunId parent = newRun("boss", t0);
        RunId first = RunId.random();
        store().createRun(new NewRun(first, workflow, 3, "loop", "{\"round\":1}", t0, parent, "@child:loop#1"),
                ConflictPolicy.FAIL, t0);
        Lease lease = store().claim(first, "node-a", t0, LEASE).orElseThrow();
        RunId second = RunId.random();
        RunInfo next = store().continueAsNew(lease, new NewRun(second, workflow, 3, "loop", "{\"round\":2}",
                t0.plusSeconds(1)), t0.plusSeconds(1));

        assertEquals(second, next.id());
        assertEquals(RunStatus.PENDING, next.status());
        assertEquals(parent, next.parentRunId());
        assertEquals("@child:loop#1", next.parentStepKey());
        RunInfo old = store().findRun(first).orElseThrow().info();
        assertEquals(RunStatus.CONTINUED, old.status());
        assertEquals(second, old.continuedAs());
        assertEquals(second, store().findRun(workflow, "loop").orElseThrow().id());
        assertThrows(LeaseLostException.class, () -> store().continueAsNew(lease,
                new NewRun(RunId.random(), workflow, 3, "loop", null, t0), t0.plusSeconds(2)));
    }

    @Test
    void a_runs_owner_is_stored_on_it_and_a_continuation_inherits_it() {
        RunId first = RunId.random();
        store().createRun(new NewRun(first, workflow, 3, "owned", null, t0).withOwner("tenant-a"), ConflictPolicy.FAIL, t0);
        assertEquals("tenant-a", store().findRun(first).orElseThrow().info().owner());
        assertEquals("tenant-a", store().findRun(workflow, "owned").orElseThrow().owner());
        assertEquals("", store().findRun(newRun("unowned", t0)).orElseThrow().info().owner());

        Lease lease = store().claim(first, "node-a", t0, LEASE).orElseThrow();
        // the next run is given no owner: it takes its predecessor's
        RunInfo next = store().continueAsNew(lease, new NewRun(RunId.random(), workflow, 3, "owned", null,
                t0.plusSeconds(1)), t0.plusSeconds(1));
        assertEquals("tenant-a", next.owner());
        assertEquals("tenant-a", store().findRun(next.id()).orElseThrow().info().owner());
    }

    @Test
    void an_approval_is_decided_once_and_listed_while_pending() {
        RunId id = newRun("expense", t0);
        RunId finished = newRun("expense-done", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        Lease other = store().claim(finished, "node-a", t0, LEASE).orElseThrow();
        Instant expires = t0.plus(Duration.ofDays(2));
        store().requestApproval(lease, new io.durable.api.Approval(id, workflow, "manager",
                io.durable.api.ApprovalStatus.PENDING, t0, expires, null, null, null), completed(0, "@approval:manager",
                null, t0));
        store().requestApproval(other, new io.durable.api.Approval(finished, workflow, "manager",
                io.durable.api.ApprovalStatus.PENDING, t0, expires, null, null, null), completed(0, "@approval:manager",
                null, t0));
        store().finishRun(other, RunStatus.COMPLETED, null, null, t0.plusSeconds(1));
        assertThrows(IllegalArgumentException.class, () -> store().requestApproval(lease, new io.durable.api.Approval(id,
                workflow, "manager", io.durable.api.ApprovalStatus.PENDING, t0, expires, null, null, null),
                completed(1, "@approval:manager-again", null, t0)));

        assertEquals(List.of("manager"), store().pendingApprovals(id, 10).stream().map(io.durable.api.Approval::key)
                .toList());
        assertTrue(store().pendingApprovals(null, 1000).stream().noneMatch(a -> a.runId().equals(finished)),
                "a finished run's approvals are not pending");

        io.durable.api.Approval approved = store().decideApproval(id, "manager", io.durable.api.ApprovalStatus.APPROVED,
                "alice", "ok", t0.plusSeconds(5));
        assertEquals("alice", approved.actor());
        io.durable.api.ApprovalDecidedException again = assertThrows(io.durable.api.ApprovalDecidedException.class,
                () -> store().decideApproval(id, "manager", io.durable.api.ApprovalStatus.REJECTED, "bob", "no",
                        t0.plusSeconds(6)));
        assertEquals(io.durable.api.ApprovalStatus.APPROVED, again.existing().status());
        assertEquals(List.of(), store().pendingApprovals(id, 10));
        assertThrows(io.durable.api.ApprovalNotFoundException.class, () -> store().decideApproval(id, "cfo",
                io.durable.api.ApprovalStatus.APPROVED, "alice", "", t0));
    }

    @Test
    void an_approval_past_its_expiry_takes_no_decision_but_expires() {
        RunId id = newRun("expense-late", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        Instant expires = t0.plus(Duration.ofHours(1));
        store().requestApproval(lease, new io.durable.api.Approval(id, workflow, "manager",
                io.durable.api.ApprovalStatus.PENDING, t0, expires, null, null, null), completed(0, "@approval:manager",
                null, t0));
        assertThrows(IllegalArgumentException.class, () -> store().decideApproval(id, "manager",
                io.durable.api.ApprovalStatus.EXPIRED, "engine", "", t0.plusSeconds(1)));
        io.durable.api.ApprovalDecidedException late = assertThrows(io.durable.api.ApprovalDecidedException.class,
                () -> store().decideApproval(id, "manager", io.durable.api.ApprovalStatus.APPROVED, "alice", "",
                        expires));
        assertEquals(io.durable.api.ApprovalStatus.EXPIRED, late.existing().status());
        assertEquals(io.durable.api.ApprovalStatus.EXPIRED, store().decideApproval(id, "manager",
                io.durable.api.ApprovalStatus.EXPIRED, "engine", "expired", expires).status());
    }

    @Test
    void a_run_parked_for_several_signals_wakes_on_any_of_them_and_not_on_others() {
        RunId id = newRun("branches", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        String awaited = Park.anyOf(List.of("x", "@approval:y_1"));
        assertNull(store().park(lease, new Park(null, "a: signal:x; b: approval:y_1", awaited), t0));
        store().sendSignal(new NewSignal(UUID.randomUUID().toString(), id, "z", null, null, t0.plusSeconds(1)));
        assertFalse(store().claimDue("node-a", t0.plusSeconds(1), LEASE, 1000, null).stream()
                .anyMatch(l -> l.runId().equals(id)), "a signal nobody waits for wakes nothing");
        assertNull(store().findRun(id).orElseThrow().info().wakeAt());
        store().sendSignal(new NewSignal(UUID.randomUUID().toString(), id, "@approval:y_1", null, null,
                t0.plusSeconds(2)));
        assertEquals(t0.plusSeconds(2), store().findRun(id).orElseThrow().info().wakeAt());
        assertTrue(store().claimDue("node-a", t0.plusSeconds(2), LEASE, 1000, null).stream()
                .anyMatch(l -> l.runId().equals(id)));
    }

    @Test
    void a_run_parked_for_listed_signals_that_arrived_already_is_due_at_once() {
        RunId id = newRun("branches-early", t0);
        store().sendSignal(new NewSignal(UUID.randomUUID().toString(), id, "y", null, null, t0));
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        assertEquals(t0.plusSeconds(1), store().park(lease, new Park(null, "waiting", Park.anyOf(List.of("x", "y"))),
                t0.plusSeconds(1)));
    }

    private static final String TRACE = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    @Test
    void a_runs_trace_parent_is_stored_with_it_and_a_continuation_inherits_it() {
        RunId created = RunId.random();
        store().createRun(new NewRun(created, workflow, 3, "traced", null, t0).withTraceParent(TRACE), ConflictPolicy.FAIL, t0);
        assertEquals(TRACE, store().findRun(created).orElseThrow().traceParent());
        assertNull(store().findRun(newRun("untraced", t0)).orElseThrow().traceParent());

        RunId inserted = RunId.random();
        StoredRun leased = store().insertRun(new NewRun(inserted, workflow, 3, "traced-insert", null, t0)
                .withTraceParent(TRACE), "node-a", t0.plus(LEASE));
        assertEquals(TRACE, leased.traceParent());
        assertEquals(TRACE, store().findRun(inserted).orElseThrow().traceParent());

        Lease lease = store().claim(created, "node-a", t0, LEASE).orElseThrow();
        // the next run is given no trace: it takes its predecessor's
        RunInfo next = store().continueAsNew(lease, new NewRun(RunId.random(), workflow, 3, "traced", null,
                t0.plusSeconds(1)), t0.plusSeconds(1));
        assertEquals(TRACE, store().findRun(next.id()).orElseThrow().traceParent());
    }

    @Test
    void vitals_count_unfinished_and_stuck_runs_each_up_to_the_cap() {
        Instant now = t0.plusSeconds(600);
        Instant stuckBefore = t0.plusSeconds(300);
        Optional<RunVitals> measured = store().vitals(now, stuckBefore, 1_000_000);
        Assumptions.assumeTrue(measured.isPresent(), "this store counts no vitals");
        RunVitals before = measured.get();

        newRun("pending", t0);
        RunId paused = newRun("paused", t0);
        store().control(paused, new OperatorAction(OperatorAction.Kind.PAUSE, "ops", "", t0));
        running("expired");
        store().claim(newRun("live", t0), "node-a", now.minusSeconds(10), LEASE).orElseThrow();
        Lease dueSleeper = running("due-sleeper");
        store().park(dueSleeper, new Park(t0.plusSeconds(60), "sleep", null), t0);
        Lease lateSleeper = running("late-sleeper");
        store().park(lateSleeper, new Park(now.plusSeconds(3600), "sleep", null), t0);
        Lease poison = running("poison-blocked");
        store().recoveryFailed(poison, "not deployed", 1, t0);
        Lease recovering = store().claim(newRun("recovering", t0), "node-a", now, LEASE).orElseThrow();
        store().recoveryFailed(recovering, "not deployed", 3, now);
        Lease done = running("done");
        store().finishRun(done, RunStatus.COMPLETED, "1", null, t0);

        RunVitals after = store().vitals(now, stuckBefore, 1_000_000).orElseThrow();
        assertEquals(2, after.count(RunStatus.PENDING) - before.count(RunStatus.PENDING), "pending, paused or not");
        assertEquals(3, after.count(RunStatus.RUNNING) - before.count(RunStatus.RUNNING), "expired, live, recovering");
        assertEquals(2, after.count(RunStatus.SUSPENDED) - before.count(RunStatus.SUSPENDED));
        assertEquals(1, after.count(RunStatus.BLOCKED) - before.count(RunStatus.BLOCKED));
        assertEquals(1, after.expiredLeases() - before.expiredLeases(), "the lease that expired at t0 + 30 s");
        assertEquals(2, after.overdue() - before.overdue(), "the pending run that is not paused and the due sleeper");
        assertEquals(1, after.recovering() - before.recovering());
        assertNotNull(after.oldestDue());
        assertFalse(after.oldestDue().isAfter(t0.plusSeconds(30)), "the pending run was due at t0: " + after.oldestDue());

        RunVitals capped = store().vitals(now, stuckBefore, 1).orElseThrow();
        assertEquals(1, capped.cap());
        for (RunStatus status : List.of(RunStatus.PENDING, RunStatus.RUNNING, RunStatus.SUSPENDED, RunStatus.BLOCKED)) {
            assertEquals(1, capped.count(status), status + " counted up to the cap");
        }
        assertEquals(1, capped.overdue());
        assertEquals(1, capped.expiredLeases());
    }

    @Test
    void a_ping_answers_while_the_database_does() {
        store().ping(Duration.ofSeconds(5));
    }
}
