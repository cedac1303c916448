package io.durable.testing;

import io.durable.api.ApprovalStatus;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.testing.KitWorkflows.ExpenseWorkflow;
import io.durable.testing.KitWorkflows.FlakyWorkflow;
import io.durable.testing.KitWorkflows.GreetWorkflow;
import io.durable.testing.KitWorkflows.Greetings;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@WorkflowTest(beans = {Greetings.class, GreetWorkflow.class, ExpenseWorkflow.class, FlakyWorkflow.class},
        clockStart = "2026-05-04T08:00:00Z")
class WorkflowTestKitTest {

    @Inject
    WorkflowEngine engine;

    @Inject
    Greetings greetings;

    @Test
    void a_week_long_sleep_ends_as_soon_as_the_test_moves_the_clock_a_week(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "ann", "Ann");
        kit.awaitQuiet();
        assertEquals(RunStatus.SUSPENDED, engine.status(run).status());

        kit.advance(Duration.ofDays(7));

        assertEquals("hello Ann, bye Ann", kit.awaitResult(run, String.class));
        assertEquals(Instant.parse("2026-05-11T08:00:00Z"), kit.now());
        assertEquals(java.util.List.of("hello#1", "@sleep#1", "bye#1"),
                engine.steps(run).stream().map(StepInfo::stepKey).toList());
    }

    @Test
    void a_run_that_waits_for_time_says_what_it_waits_for_instead_of_hanging(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "bob", "Bob");
        kit.advance(Duration.ofDays(6));

        AssertionError waiting = assertThrows(AssertionError.class, () -> kit.awaitResult(run, String.class));

        assertTrue(waiting.getMessage().contains("SUSPENDED, waiting for sleep until 2026-05-11T08:00:00Z"),
                waiting.getMessage());
        assertTrue(waiting.getMessage().contains("test clock at 2026-05-10T08:00:00Z"), waiting.getMessage());
    }

    @Test
    void the_applications_beans_are_injected_into_the_test_and_the_workflow(WorkflowTestKit kit) {
        RunId run = engine.start(GreetWorkflow.class, "cy", "Cy");
        kit.advance(Duration.ofDays(7));
        kit.awaitResult(run, String.class);

        assertEquals(1, greetings.ran("hello"));
        assertEquals(1, greetings.ran("bye"));
        assertEquals(kit.engine(), engine);
    }

    @Test
    void a_signal_and_an_approval_reach_the_waiting_run(WorkflowTestKit kit) {
        RunId run = engine.start(ExpenseWorkflow.class, "taxi-1", "taxi");
        kit.awaitStatus(run, RunStatus.SUSPENDED);

        engine.signal(run, "receipt", "R-17", null);
        kit.awaitQuiet();
        assertEquals("approval:manager", engine.status(run).waitingFor());
        engine.approve(run, "manager", "mia", "fine");

        assertEquals("taxi: R-17, " + ApprovalStatus.APPROVED, kit.awaitResult(run, String.class));
    }

    @Test
    void timeouts_of_signals_and_approvals_fire_when_the_clock_passes_them(WorkflowTestKit kit) {
        RunId run = engine.start(ExpenseWorkflow.class, "taxi-2", "taxi");

        kit.advance(Duration.ofDays(10));

        assertEquals("taxi: no receipt, " + ApprovalStatus.EXPIRED, kit.awaitResult(run, String.class));
    }

    @Test
    void a_retry_that_parks_the_run_fires_when_the_clock_passes_its_back_off(WorkflowTestKit kit) {
        RunId run = engine.start(FlakyWorkflow.class, "f-1", "api");
        kit.awaitQuiet();
        RunInfo parked = engine.status(run);
        assertEquals("retry:flaky#1", parked.waitingFor());

        kit.advance(Duration.ofMinutes(5));

        assertEquals("reached api", kit.awaitResult(run, String.class));
        assertEquals(2, greetings.ran("flaky"));
    }

    @Test
    void the_clock_moves_forward_only(WorkflowTestKit kit) {
        assertThrows(IllegalArgumentException.class, () -> kit.advance(Duration.ofSeconds(-1)));
        kit.advance(Duration.ZERO);
        assertEquals(Instant.parse("2026-05-04T08:00:00Z"), kit.now());
    }
}
