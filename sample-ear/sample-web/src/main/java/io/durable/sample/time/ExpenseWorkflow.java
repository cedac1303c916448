package io.durable.sample.time;

import io.durable.api.DurableContext;
import io.durable.api.Signal;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;

/** Waits up to a week for an approver's decision (the signal {@code decision}), then books it. */
@Workflow(name = "expense")
@Signal(name = "decision", type = Decision.class)
public class ExpenseWorkflow {

    @Inject
    DurableContext context;

    @Inject
    Reminders reminders;

    /**
     * Runs the approval.
     *
     * @param expenseId the expense
     * @return what was booked
     */
    @WorkflowMethod
    public String run(String expenseId) {
        Decision decision = context.awaitSignal("decision", Decision.class, Duration.ofDays(7)).orElse(null);
        return reminders.book(expenseId, decision);
    }
}
