package io.durable.cdi.internal;

import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.IncompatibleVersionException;
import io.durable.api.PayloadException;
import io.durable.api.RunFinishedException;
import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.UnknownSignalException;
import io.durable.cdi.internal.DurableExtension;
import io.durable.cdi.internal.TimeWorkflows.Approval;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.execution.CronScheduler;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.Park;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Durable time, signals, retries, pause/cancel, conflict policies and versions, on a manual clock. */
class TimeAndControlTest extends EngineTestBase {

    private Instant now() {
        return config.manualClock().instant();
    }

    @Test
    void a_run_that_sleeps_a_year_parks_without_a_thread_and_completes_when_the_clock_gets_there() {
        RunId id = engine.start(TimeWorkflows.SleeperWorkflow.class, "year", "ann");

        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(TestEngineConfig.START.plus(Duration.ofDays(365)), parked.wakeAt());
        assertEquals("sleep", parked.waitingFor());
        assertEquals(0, dispatcher.executingCount());

        advanceAndSweep(Duration.ofDays(364));
        assertEquals(RunStatus.SUSPENDED, engine.status(id).status());
        advanceAndSweep(Duration.ofDays(1));

        assertEquals("reminded ann after 365 days", engine.awaitResult(id, String.class, WAIT));
        assertEquals(1, probe.count("remind:ann"));
        assertEquals(List.of("@now#1", "@sleep#1", "@now#2", "remind#1"),
                engine.steps(id).stream().map(StepInfo::stepKey).toList());
    }

    @Test
    void journaled_randomness_replays_the_same_value() {
        RunId id = engine.start(TimeWorkflows.RandomWorkflow.class, "uuid", "x");
        awaitStatus(id, RunStatus.SUSPENDED);
        String firstUuid = engine.steps(id).get(0).resultJson().replace("\"", "");

        advanceAndSweep(Duration.ofMinutes(5));

        String output = engine.awaitResult(id, String.class, WAIT);
        assertTrue(output.startsWith(firstUuid + "/"), output);
        assertNotEquals(firstUuid, output.substring(output.indexOf('/') + 1));
    }

    @Test
    void a_signal_sent_before_the_run_waits_is_buffered_and_consumed_once() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "approval", 1, "early", "\"exp-1\"", now()));
        SignalReceipt first = engine.signal(id, "approval", new Approval("ann", true), "click-1");
        SignalReceipt retried = engine.signal(id, "approval", new Approval("bob", false), "click-1");
        assertTrue(retried.duplicate());
        assertEquals(first.signalId(), retried.signalId());

        dispatcher.poll();

        assertEquals("approved by ann", engine.awaitResult(id, String.class, WAIT));
        assertEquals(List.of("@await:approval#1", "@signal:approval#1"),
                engine.steps(id).stream().map(StepInfo::stepKey).toList());
    }

    @Test
    void a_signal_sent_while_the_run_waits_wakes_it_at_once() {
        RunId id = engine.start(TimeWorkflows.ApprovalWorkflow.class, "late", "exp-2");
        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals("signal:approval", parked.waitingFor());
        assertEquals(TestEngineConfig.START.plus(Duration.ofDays(3)), parked.wakeAt());

        engine.signalJson(id, "approval", "{\"approver\":\"carl\",\"approved\":false}", null);

        assertEquals("rejected by carl", engine.awaitResult(id, String.class, WAIT));
    }

    @Test
    void a_signal_whose_members_have_the_wrong_json_shape_is_refused_and_the_run_still_waits() {
        RunId id = engine.start(TimeWorkflows.ApprovalWorkflow.class, "shapes", "exp-9");
        awaitStatus(id, RunStatus.SUSPENDED);

        // JSON-B would read 1 as "1" and "x" as false, and the run would go on rejected
        PayloadException wrong = assertThrows(PayloadException.class,
                () -> engine.signalJson(id, "approval", "{\"approver\":1,\"approved\":\"x\"}", null));
        assertTrue(wrong.getMessage().contains("'approver' must be a JSON string")
                && wrong.getMessage().contains("but is a JSON number"), wrong.getMessage());
        PayloadException notBoolean = assertThrows(PayloadException.class,
                () -> engine.signalJson(id, "approval", "{\"approver\":\"carl\",\"approved\":\"x\"}", null));
        assertTrue(notBoolean.getMessage().contains("'approved' must be true or false"), notBoolean.getMessage());
        assertEquals(RunStatus.SUSPENDED, engine.status(id).status());
        assertEquals(List.of(), engine.signals(id, 10), "nothing was stored");

        engine.signalJson(id, "approval", "{\"approver\":\"carl\",\"approved\":true}", null);
        assertEquals("approved by carl", engine.awaitResult(id, String.class, WAIT));
    }

    @Test
    void a_wait_that_times_out_returns_empty_and_a_late_signal_is_refused() {
        RunId id = engine.start(TimeWorkflows.ApprovalWorkflow.class, "expires", "exp-3");
        awaitStatus(id, RunStatus.SUSPENDED);

        advanceAndSweep(Duration.ofDays(3));

        assertEquals("expired", engine.awaitResult(id, String.class, WAIT));
        assertEquals("timeout", engine.steps(id).get(1).errorType());
        RunFinishedException late = assertThrows(RunFinishedException.class,
                () -> engine.signal(id, "approval", new Approval("ann", true), null));
        assertTrue(late.getMessage().contains("has finished (COMPLETED)"), late.getMessage());
    }

    @Test
    void bad_signals_are_refused_with_clear_errors() {
        RunId id = engine.start(TimeWorkflows.ApprovalWorkflow.class, "bad-signals", "exp-4");
        awaitStatus(id, RunStatus.SUSPENDED);

        UnknownSignalException unknown = assertThrows(UnknownSignalException.class,
                () -> engine.signal(id, "approve", new Approval("a", true), null));
        assertTrue(unknown.getMessage().contains("declares [approval, nudge]") || unknown.getMessage().contains("declares [nudge, approval]"),
                unknown.getMessage());
        assertThrows(PayloadException.class, () -> engine.signal(id, "approval", "yes", null));
        assertThrows(PayloadException.class, () -> engine.signalJson(id, "approval", "{not json", null));
        assertThrows(PayloadException.class, () -> engine.signalJson(id, "nudge", "{\"a\":1}", null));
        String huge = "{\"approver\":\"" + "x".repeat(TestEngineConfig.MAX_PAYLOAD) + "\",\"approved\":true}";
        assertTrue(assertThrows(PayloadException.class, () -> engine.signalJson(id, "approval", huge, null))
                .getMessage().contains("durable.engine.max-payload-bytes"));
        assertThrows(RunNotFoundException.class, () -> engine.signal(RunId.random(), "approval", null, null));
        assertEquals(RunStatus.SUSPENDED, engine.status(id).status());
        assertEquals(1, engine.steps(id).size());
    }

    @Test
    void short_retry_waits_happen_in_the_thread_and_the_attempts_are_journaled() {
        probe.failFirst("flaky", 2);
        RunId id = engine.start(TimeWorkflows.RetryingWorkflow.class, "fast", "fast");

        assertEquals("ok-fast", engine.awaitResult(id, String.class, WAIT));
        StepInfo step = engine.steps(id).get(0);
        assertEquals(StepStatus.COMPLETED, step.status());
        assertEquals(3, step.attempt());
        assertEquals(3, probe.count("flaky"));
        Duration waited = Duration.between(TestEngineConfig.START, now());
        assertTrue(waited.compareTo(Duration.ofMillis(2_400)) >= 0 && waited.compareTo(Duration.ofSeconds(3)) <= 0,
                "waited " + waited);
    }

    @Test
    void a_cancel_during_an_in_thread_retry_wait_is_seen_before_the_step_runs_again() {
        probe.failFirst("flaky", 10);
        config.onWait(execution -> engine.cancel(execution.run().id(), "ops", "stop it"));
        RunId id = engine.start(TimeWorkflows.RetryingWorkflow.class, "cancel-in-wait", "fast");

        assertEquals(RunStatus.CANCELLED, awaitStatus(id, RunStatus.CANCELLED).status());
        awaitIdle();
        assertEquals(1, probe.count("flaky"), "the body did not run again after the cancel");
        assertEquals(StepStatus.RETRYING, engine.steps(id).get(0).status());
    }

    @Test
    void a_cancel_made_on_another_node_during_a_retry_wait_is_seen_before_the_step_runs_again() {
        probe.failFirst("flaky", 10);
        // straight into the store, as another node's engine would: this node hears of it only from the database
        config.onWait(execution -> store.control(execution.run().id(), new OperatorAction(OperatorAction.Kind.CANCEL,
                "ops", "elsewhere", now())));
        RunId id = engine.start(TimeWorkflows.RetryingWorkflow.class, "cancel-elsewhere", "fast");

        awaitStatus(id, RunStatus.CANCELLED);
        awaitIdle();
        assertEquals(1, probe.count("flaky"), "the body did not run again after the cancel");
    }

    @Test
    void a_pause_made_on_another_node_during_a_retry_wait_parks_the_run_before_the_next_attempt() {
        probe.failFirst("flaky", 1);
        config.onWait(execution -> store.control(execution.run().id(), new OperatorAction(OperatorAction.Kind.PAUSE,
                "ops", "elsewhere", now())));
        RunId id = engine.start(TimeWorkflows.RetryingWorkflow.class, "pause-in-wait", "fast");

        RunInfo paused = awaitStatus(id, RunStatus.SUSPENDED);
        awaitIdle();
        assertEquals("pause", paused.waitingFor());
        assertEquals(1, probe.count("flaky"));

        config.onWait(execution -> { });
        engine.unpause(id, "ops", "go on");
        assertEquals("ok-fast", engine.awaitResult(id, String.class, WAIT));
        assertEquals(2, probe.count("flaky"));
    }

    @Test
    void long_retry_waits_park_the_run_on_a_timer_until_the_next_attempt() {
        probe.failFirst("limited", 2);
        RunId id = engine.start(TimeWorkflows.RetryingWorkflow.class, "rate", "rate");

        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals("retry:limited#1", parked.waitingFor());
        Duration firstWait = Duration.between(TestEngineConfig.START, parked.wakeAt());
        assertTrue(firstWait.compareTo(Duration.ofSeconds(4)) >= 0 && firstWait.compareTo(Duration.ofSeconds(5)) <= 0,
                "first wait " + firstWait);
        StepInfo retrying = engine.steps(id).get(0);
        assertEquals(StepStatus.RETRYING, retrying.status());
        assertEquals(1, retrying.attempt());
        assertEquals("HTTP 429", retrying.error());

        advanceAndSweep(Duration.ofSeconds(5));
        RunInfo again = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(2, engine.steps(id).get(0).attempt());
        Duration secondWait = Duration.between(now(), again.wakeAt());
        assertTrue(secondWait.compareTo(Duration.ofSeconds(12)) >= 0 && secondWait.compareTo(Duration.ofSeconds(15)) <= 0,
                "second wait " + secondWait);

        advanceAndSweep(Duration.ofSeconds(15));
        assertEquals("fetched-rate", engine.awaitResult(id, String.class, WAIT));
        assertEquals(3, engine.steps(id).get(0).attempt());
        assertEquals(3, probe.count("limited"));
    }

    @Test
    void retries_end_in_failure_when_attempts_run_out_or_the_error_is_not_retryable() {
        probe.failFirst("flaky", 10);
        RunId exhausted = engine.start(TimeWorkflows.RetryingWorkflow.class, "exhausted", "fast");
        assertEquals("gave up: java.lang.IllegalStateException", engine.awaitResult(exhausted, String.class, WAIT));
        assertEquals(3, probe.count("flaky"));
        assertEquals(StepStatus.FAILED, engine.steps(exhausted).get(0).status());
        assertEquals(3, engine.steps(exhausted).get(0).attempt());

        RunId picky = engine.start(TimeWorkflows.RetryingWorkflow.class, "picky", "picky");
        assertEquals("gave up: java.lang.IllegalArgumentException", engine.awaitResult(picky, String.class, WAIT));
        assertEquals(1, probe.count("picky"));

        RunId invalid = engine.start(TimeWorkflows.RetryingWorkflow.class, "invalid", "invalid");
        assertEquals("gave up: " + TimeWorkflows.InvalidInput.class.getName(),
                engine.awaitResult(invalid, String.class, WAIT));
        assertEquals(1, probe.count("invalid"));
    }

    @Test
    void a_paused_run_stays_parked_past_its_wake_time_until_unpaused() {
        RunId id = engine.start(TimeWorkflows.SleeperWorkflow.class, "paused-sleeper", "bea");
        awaitStatus(id, RunStatus.SUSPENDED);

        RunInfo paused = engine.pause(id, "ops", "fraud review");
        assertTrue(paused.paused());
        assertThrows(IllegalTransitionException.class, () -> engine.pause(id, "ops", "again"));
        advanceAndSweep(Duration.ofDays(400));
        assertEquals(RunStatus.SUSPENDED, engine.status(id).status());

        engine.unpause(id, "ops", "cleared");

        // now() is journaled when first reached: after the pause, 400 days on
        assertEquals("reminded bea after 400 days", engine.awaitResult(id, String.class, WAIT));
        assertThrows(RunFinishedException.class, () -> engine.unpause(id, "ops", ""));
    }

    @Test
    void pausing_an_executing_run_stops_it_at_the_next_step_boundary() throws Exception {
        probe.holdSteps(1);
        RunId id = engine.start(TestWorkflows.BlockingWorkflow.class, "pause-boundary", "o-1");
        probe.awaitHeld();

        engine.pause(id, "ops", "look at it");
        probe.openGate();

        RunInfo parked = awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals("pause", parked.waitingFor());
        assertEquals(0, probe.count("charge"));
        assertThrows(RunNotFoundException.class, () -> engine.unpause(RunId.random(), "ops", ""));

        engine.unpause(id, "ops", "fine");
        assertEquals("paid-o-1-1", engine.awaitResult(id, String.class, WAIT));
        assertEquals(1, probe.count("slow"));
        assertEquals(1, probe.count("charge"));
    }

    @Test
    void cancelling_a_parked_run_ends_it_and_removes_its_wake_up() {
        RunId id = engine.start(TimeWorkflows.SleeperWorkflow.class, "cancelled", "cy");
        awaitStatus(id, RunStatus.SUSPENDED);

        RunInfo cancelled = engine.cancel(id, "user-7", "customer request");

        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertNull(cancelled.wakeAt());
        assertEquals("user-7", cancelled.lastAction().actor());
        advanceAndSweep(Duration.ofDays(366));
        assertEquals(RunStatus.CANCELLED, engine.status(id).status());
        assertEquals(0, probe.count("remind:cy"));
        assertThrows(RunFinishedException.class, () -> engine.cancel(id, "user-7", "again"));
        assertThrows(RunFinishedException.class, () -> engine.pause(id, "user-7", ""));
        assertThrows(PayloadException.class, () -> engine.pause(id, " ", ""));
    }

    @Test
    void each_conflict_policy_on_a_known_instance_id() {
        RunId first = engine.start(TimeWorkflows.SleeperWorkflow.class, "conflict", "dan");
        awaitStatus(first, RunStatus.SUSPENDED);

        assertThrows(DuplicateInstanceException.class,
                () -> engine.start(TimeWorkflows.SleeperWorkflow.class, "conflict", "dan"));
        assertEquals(first, engine.start(TimeWorkflows.SleeperWorkflow.class, "conflict", "other", ConflictPolicy.USE_EXISTING));
        assertEquals(first, engine.startJson("sleeper", "conflict", "\"x\"", ConflictPolicy.USE_EXISTING));

        RunId second = engine.start(TimeWorkflows.SleeperWorkflow.class, "conflict", "eve", ConflictPolicy.TERMINATE_EXISTING);

        assertNotEquals(first, second);
        RunInfo old = engine.status(first);
        assertEquals(RunStatus.CANCELLED, old.status());
        assertTrue(old.error().contains("terminated by a new start"), old.error());
        assertEquals(second, engine.find("sleeper", "conflict").orElseThrow().id());
        awaitStatus(second, RunStatus.SUSPENDED);
    }

    @Test
    void an_old_run_replays_its_old_path_past_a_version_marker_and_a_new_run_takes_the_new_one() {
        RunId old = RunId.random();
        Instant t = now();
        store.createRun(new NewRun(old, "versioned", 1, "v1-run", "\"a\"", t));
        Lease lease = store.claim(old, "old-node", t, TestEngineConfig.LEASE).orElseThrow();
        store.appendStep(lease, new StepInfo(0, "remind#1", "remind", StepStatus.COMPLETED, 1, null,
                "\"reminded first-a\"", null, null, t, t));
        store.appendStep(lease, new StepInfo(1, "@sleep#1", "@sleep", StepStatus.COMPLETED, 1, null,
                "\"" + t.plus(Duration.ofHours(1)) + "\"", null, null, t, t));
        store.park(lease, new Park(t.plus(Duration.ofHours(1)), "sleep", null), t);
        RunId fresh = engine.start(TimeWorkflows.VersionedWorkflow.class, "v2-run", "b");
        awaitStatus(fresh, RunStatus.SUSPENDED);

        advanceAndSweep(Duration.ofHours(1));

        assertEquals("reminded first-a v1", engine.awaitResult(old, String.class, WAIT));
        assertEquals("reminded first-b v2", engine.awaitResult(fresh, String.class, WAIT));
        assertEquals(0, probe.count("remind:extra-a"));
        assertEquals(1, probe.count("remind:extra-b"));
        assertEquals("@version:extra-step#1", engine.steps(fresh).get(1).stepKey());
    }

    @Test
    void a_run_of_a_version_the_code_cannot_resume_is_blocked_with_a_clear_message() {
        RunId newer = RunId.random();
        store.createRun(new NewRun(newer, "versioned", 3, "v3-run", "\"c\"", now()));
        store.createRun(new NewRun(RunId.random(), "order", 1, "order-v1", null, now()));

        dispatcher.poll();

        RunInfo failed = engine.await(newer, WAIT);
        assertEquals(RunStatus.BLOCKED, failed.status(), "code of a version that resumes it lets it go on");
        assertTrue(failed.error().contains("started with version 3") && failed.error().contains("resumes versions 1 to 2"),
                failed.error());
        assertThrows(IncompatibleVersionException.class, () -> engine.start(TestWorkflows.OrderWorkflow.class,
                "order-v1", new TestWorkflows.Order("order-v1", List.of(), null), ConflictPolicy.USE_EXISTING));
        assertFalse(engine.steps(newer).iterator().hasNext());
    }

    @Test
    void misusing_durable_operations_fails_the_run_with_a_clear_message() {
        assertFailsWith("negative", "sleep of PT-5S: a wait must be 0 to 3660 days");
        assertFailsWith("absurd", "sleep of PT120000H: a wait must be 0 to 3660 days");
        assertFailsWith("undeclared", "declares no signal 'nope'");
        assertFailsWith("wrong-type", "carries " + Approval.class.getName() + ", but the code waits for java.lang.String");
        assertFailsWith("in-step", "sleep was called inside step nap#1");
    }

    private void assertFailsWith(String mode, String message) {
        RunId id = engine.start(TimeWorkflows.MisuseWorkflow.class, "misuse-" + mode, mode);
        RunInfo run = engine.await(id, WAIT);
        assertEquals(RunStatus.FAILED, run.status(), mode);
        assertTrue(run.error().contains(message), run.error());
    }

    @Test
    void resume_all_takes_over_a_stuck_run_and_wakes_due_ones_at_once() {
        RunId stuck = RunId.random();
        store.createRun(new NewRun(stuck, "sleeper", 1, "stuck", "\"fay\"", now()));
        store.claim(stuck, "hung-node", now(), Duration.ofHours(1)).orElseThrow();
        RunId sleeper = engine.start(TimeWorkflows.SleeperWorkflow.class, "resume-all", "gus");
        awaitStatus(sleeper, RunStatus.SUSPENDED);
        config.manualClock().advance(Duration.ofDays(365));

        assertThrows(PayloadException.class, () -> engine.resumeAll(0, Duration.ofMinutes(1)));
        List<RunId> resumed = engine.resumeAll(10, Duration.ofMinutes(5));

        assertTrue(resumed.containsAll(List.of(stuck, sleeper)), resumed.toString());
        assertEquals(RunStatus.SUSPENDED, awaitStatus(stuck, RunStatus.SUSPENDED).status());
        assertEquals("reminded gus after 365 days", engine.awaitResult(sleeper, String.class, WAIT));
    }

    @Inject
    CronScheduler cron;

    @Test
    void each_tick_starts_one_run_whoever_fires_it() {
        Instant tick = TestEngineConfig.START.plus(Duration.ofMinutes(15));
        assertEquals(tick, cron.nextTick("report"));

        config.manualClock().advance(Duration.ofMinutes(15));
        cron.fireDue();
        RunId run = engine.find("report", "report@" + tick).orElseThrow().id();
        // another node firing the same tick
        assertEquals(run, engine.start(TimeWorkflows.ReportWorkflow.class, "report@" + tick, tick, ConflictPolicy.USE_EXISTING));
        cron.fireDue();

        assertEquals("report for " + tick, engine.awaitResult(run, String.class, WAIT));
        assertEquals(1, engine.list(new RunQuery("report", null, 100)).size());
        assertEquals(tick.plus(Duration.ofMinutes(15)), cron.nextTick("report"));
    }

    @Test
    void the_latest_tick_missed_while_every_node_was_down_is_started_once() {
        config.manualClock().advance(Duration.ofMinutes(15));
        cron.fireDue();
        config.manualClock().advance(Duration.ofHours(2));

        Instant missed = cron.catchUp(extensionDefinition("report")).orElseThrow();

        assertEquals(TestEngineConfig.START.plus(Duration.ofMinutes(135)), missed);
        assertTrue(cron.catchUp(extensionDefinition("report")).isEmpty());
        List<RunInfo> runs = engine.list(new RunQuery("report", null, 100));
        assertEquals(2, runs.size());
        assertEquals("report@" + missed, runs.get(0).instanceId());
    }

    @Inject
    DurableExtension extension;

    private WorkflowDefinition extensionDefinition(String name) {
        return extension.workflows().byName(name);
    }
}
