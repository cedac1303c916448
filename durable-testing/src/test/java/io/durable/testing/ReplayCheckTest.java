package io.durable.testing;

import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.RunExport;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.api.RunQuery;
import io.durable.testing.KitWorkflows.ExpenseWorkflow;
import io.durable.testing.KitWorkflows.FanOutWorkflow;
import io.durable.testing.KitWorkflows.GreetWorkflow;
import io.durable.testing.KitWorkflows.TripWorkflow;
import io.durable.testing.KitWorkflows.Trips;
import io.durable.testing.KitWorkflows.Greetings;
import io.durable.testing.KitWorkflows.LongerGreetWorkflow;
import io.durable.testing.KitWorkflows.LouderGreetWorkflow;
import io.durable.testing.KitWorkflows.ShorterGreetWorkflow;
import io.durable.testing.KitWorkflows.SwappedGreetWorkflow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The replay check: a run recorded with "greet" is replayed, through its JSON export, as a run of the
 * same code and of changed variants (the variants have names of their own so that one container holds
 * them all; the recording is renamed to the variant, as if the variant were the new code of "greet").
 */
@WorkflowTest(beans = {Greetings.class, GreetWorkflow.class, SwappedGreetWorkflow.class, LongerGreetWorkflow.class,
        ShorterGreetWorkflow.class, LouderGreetWorkflow.class, Trips.class, TripWorkflow.class, FanOutWorkflow.class,
        ExpenseWorkflow.class})
class ReplayCheckTest {

    private static final String ADVICE = ". Check that your workflow is deterministic, or keep the old code path for "
            + "runs started with the old version.";

    @Inject
    WorkflowEngine engine;

    @Inject
    Greetings greetings;

    @Inject
    Trips trips;

    /** A completed run of "greet", exported and read back from JSON. */
    private RunExport completed(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "ann", "Ann");
        kit.advance(Duration.ofDays(7));
        kit.awaitResult(run, String.class);
        return RunExport.fromJson(engine.export(run).toJson());
    }

    /** The recording as a run of another workflow name, with an id and instance id of its own. */
    private static RunExport as(String workflow, RunExport recorded) {
        RunInfo r = recorded.run();
        RunInfo renamed = new RunInfo(RunId.random(), workflow, r.workflowVersion(), r.instanceId() + "-replay",
                r.status(), r.inputJson(), r.outputJson(), r.error(), r.createdAt(), r.updatedAt(), r.finishedAt(),
                r.wakeAt(), r.waitingFor(), r.paused(), r.lastAction(), r.parentRunId(), r.parentStepKey(),
                r.continuedAs(), r.owner(), r.job());
        return new RunExport(recorded.formatVersion(), recorded.exportedAt(), renamed, recorded.journal());
    }

    @Test
    void the_unchanged_code_replays_a_completed_run_to_the_same_output_without_running_a_step(WorkflowTestKit kit) {
        RunExport recorded = completed(kit);

        RunInfo replayed = kit.replay(as("greet", recorded));

        assertEquals(RunStatus.COMPLETED, replayed.status());
        assertEquals("\"hello Ann, bye Ann\"", replayed.outputJson());
        assertEquals(1, greetings.ran("hello"));
        assertEquals(1, greetings.ran("bye"));
    }

    @Test
    void another_step_at_a_journaled_position_fails_with_the_engines_non_determinism_message(WorkflowTestKit kit) {
        RunExport recorded = as("greet-swapped", completed(kit));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

        assertEquals("Workflow code changed under a running workflow: run " + recorded.run().id() + " recorded step "
                + "'hello#1' at position 0 but the code now calls 'bye#1'" + ADVICE, error.getMessage());
        assertEquals(recorded.run().id(), error.runId());
        assertEquals("greet-swapped", error.workflowName());
        assertEquals(1, greetings.ran("bye"), "the recording's call only");
    }

    @Test
    void a_step_past_the_end_of_a_finished_runs_journal_fails_the_check(WorkflowTestKit kit) {
        RunExport recorded = as("greet-longer", completed(kit));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

        assertEquals("Workflow code changed under a running workflow: run " + recorded.run().id() + " recorded no "
                + "step at position 3 (it ended COMPLETED there) but the code now calls 'hello#2'" + ADVICE,
                error.getMessage());
        assertEquals(1, greetings.ran("hello"));
    }

    @Test
    void code_that_ends_before_reaching_the_whole_journal_fails_the_check(WorkflowTestKit kit) {
        RunExport recorded = as("greet-shorter", completed(kit));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

        assertEquals("Workflow code changed under a running workflow: run " + recorded.run().id() + " recorded step "
                + "'bye#1' at position 2 but the code now ends the run COMPLETED without calling it" + ADVICE,
                error.getMessage());
    }

    @Test
    void the_same_steps_with_another_output_fail_the_check_with_both_outputs(WorkflowTestKit kit) {
        RunExport recorded = as("greet-louder", completed(kit));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

        assertEquals("Run " + recorded.run().id() + " of workflow greet-louder was recorded COMPLETED with output "
                + "\"hello Ann, bye Ann\", but the current code replays it to COMPLETED with output \"HELLO ANN, BYE ANN\". "
                + "Check that your workflow is deterministic.", error.getMessage());
    }

    @Test
    void a_run_recorded_mid_way_passes_when_the_code_fits_its_journal_so_far(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "bo", "Bo");
        kit.advance(Duration.ofDays(1));
        RunExport parked = RunExport.fromJson(engine.export(run).toJson());
        assertEquals(RunStatus.SUSPENDED, parked.run().status());

        RunInfo replayed = kit.replay(as("greet-longer", parked));

        assertEquals(RunStatus.SUSPENDED, replayed.status());
        assertEquals("sleep", replayed.waitingFor());
        kit.advance(Duration.ofDays(7));
        assertEquals("replay: the end of the recorded journal", kit.engine().status(replayed.id()).waitingFor());
        assertEquals(parked.journal(), engine.steps(replayed.id()), "the replay journals nothing");
        assertEquals(1, greetings.ran("hello"), "the recording's call only");
    }

    @Test
    void a_run_recorded_mid_way_fails_when_the_code_no_longer_fits_its_journal_so_far(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "cy", "Cy");
        kit.awaitQuiet();
        RunExport parked = as("greet-swapped", engine.export(run));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(parked));

        assertEquals("Workflow code changed under a running workflow: run " + parked.run().id() + " recorded step "
                + "'hello#1' at position 0 but the code now calls 'bye#1'" + ADVICE, error.getMessage());
    }

    @Test
    void a_run_of_a_workflow_the_test_does_not_deploy_fails_the_check_with_the_engines_reason(WorkflowTestKit kit) {
        RunExport recorded = as("greet-gone", completed(kit));

        ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

        assertEquals(true, error.getMessage().startsWith("Run " + recorded.run().id() + " could not be recovered: its "
                + "workflow 'greet-gone' is not deployed"), error.getMessage());
    }

    @Test
    void a_failed_run_replays_through_its_compensations_to_the_same_error(WorkflowTestKit kit) {
        RunId run = engine.start(TripWorkflow.class, "rome", "rome");
        kit.awaitQuiet();
        RunExport recorded = as("trip", engine.export(run));
        assertEquals(RunStatus.FAILED, recorded.run().status());

        RunInfo replayed = kit.replay(recorded);

        assertEquals(RunStatus.FAILED, replayed.status());
        assertEquals("java.lang.IllegalStateException: no flight for rome | compensated: @saga/undo:bookHotel#1",
                replayed.error());
        assertEquals(1, trips.cancelled(), "the recording's compensation only");
    }

    @Test
    void parallel_branches_and_a_child_replay_from_the_journal_without_starting_the_child_again(WorkflowTestKit kit) {
        RunId run = engine.start(FanOutWorkflow.class, "dee", "Dee");
        kit.advance(Duration.ofDays(7));
        assertEquals("hello Dee, bye Dee | hello Dee", kit.awaitResult(run, String.class));
        RunExport recorded = as("fan-out", engine.export(run));

        RunInfo replayed = kit.replay(recorded);

        assertEquals("\"hello Dee, bye Dee | hello Dee\"", replayed.outputJson());
        assertEquals(1, engine.list(new RunQuery("greet", null, 10)).size(), "no second child run");
        assertEquals(2, greetings.ran("hello"));
    }

    @Test
    void a_run_that_took_a_signal_and_an_approval_replays_with_them(WorkflowTestKit kit) {
        RunId run = engine.start(ExpenseWorkflow.class, "taxi", "taxi");
        kit.awaitQuiet();
        engine.signal(run, "receipt", "R-1", null);
        kit.awaitQuiet();
        engine.approve(run, "manager", "mia", "ok");
        kit.awaitResult(run, String.class);

        RunInfo replayed = kit.replay(as("expense", engine.export(run)));

        assertEquals("\"taxi: R-1, APPROVED\"", replayed.outputJson());
    }

    @Test
    void a_recording_of_a_key_this_test_holds_is_refused_and_leaves_the_key_to_live_runs(WorkflowTestKit kit) {
        RunExport recorded = completed(kit);
        RunInfo r = recorded.run();
        RunExport sameKey = new RunExport(recorded.formatVersion(), recorded.exportedAt(), new RunInfo(RunId.random(),
                r.workflowName(), r.workflowVersion(), r.instanceId(), r.status(), r.inputJson(), r.outputJson(),
                r.error(), r.createdAt(), r.updatedAt(), r.finishedAt()), recorded.journal());

        assertThrows(DuplicateInstanceException.class, () -> kit.replay(sameKey));

        RunId live = engine.start(GreetWorkflow.class, r.instanceId(), "Ann", ConflictPolicy.TERMINATE_EXISTING);
        kit.awaitQuiet();
        assertEquals("sleep", engine.status(live).waitingFor(), "a live run, not a replay");
    }
}
