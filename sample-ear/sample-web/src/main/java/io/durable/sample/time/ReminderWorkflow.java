package io.durable.sample.time;

import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;

/** Sleeps durably, then reminds: the sleep survives restarts and holds no thread. */
@Workflow(name = "reminder")
public class ReminderWorkflow {

    @Inject
    DurableContext context;

    @Inject
    Reminders reminders;

    /**
     * Runs the reminder.
     *
     * @param request whom and when
     * @return the reminder sent
     */
    @WorkflowMethod
    public String run(ReminderRequest request) {
        Instant sleptAt = context.now();
        context.sleep(Duration.ofSeconds(request.seconds()));
        return reminders.remind(request.who(), sleptAt);
    }
}
