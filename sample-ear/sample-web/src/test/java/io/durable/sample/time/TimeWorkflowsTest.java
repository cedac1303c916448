package io.durable.sample.time;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The reminder and the expense, with days of waiting that pass as soon as the test moves the clock. */
@WorkflowTest(beans = {ReminderWorkflow.class, ExpenseWorkflow.class, Reminders.class})
class TimeWorkflowsTest {

    @Inject
    WorkflowEngine engine;

    @Test
    void a_reminder_a_week_away_is_sent_once_the_week_has_passed(WorkflowTestKit kit) {
        RunId run = engine.start(ReminderWorkflow.class, "dentist", new ReminderRequest("ann", 7 * 24 * 3600));
        kit.awaitQuiet();
        assertEquals("sleep", engine.status(run).waitingFor());

        kit.advance(Duration.ofDays(7));

        assertEquals("reminded ann (asleep since 2026-01-01T09:00:00Z)", kit.awaitResult(run, String.class));
    }

    @Test
    void an_expense_is_booked_with_the_approvers_decision(WorkflowTestKit kit) {
        RunId run = engine.start(ExpenseWorkflow.class, "e-1", "e-1");
        kit.awaitStatus(run, RunStatus.SUSPENDED);
        kit.advance(Duration.ofDays(2));

        engine.signal(run, "decision", new Decision("mia", true), null);

        assertEquals("e-1 approved by mia", kit.awaitResult(run, String.class));
    }

    @Test
    void an_expense_nobody_decides_on_expires_after_a_week(WorkflowTestKit kit) {
        RunId run = engine.start(ExpenseWorkflow.class, "e-2", "e-2");

        kit.advance(Duration.ofDays(7));

        assertEquals("e-2 expired", kit.awaitResult(run, String.class));
    }
}
