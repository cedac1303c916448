package io.durable.jpa.engine;

import io.durable.api.CatchUp;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowSchedule;

/** Runs every two seconds and catches up every missed tick. */
@Workflow(name = "every-two-seconds")
@WorkflowSchedule(second = "*/2", minute = "*", hour = "*", catchUp = CatchUp.ALL)
public class TickWorkflow {

    @WorkflowMethod
    public String run() {
        return "tick";
    }
}
