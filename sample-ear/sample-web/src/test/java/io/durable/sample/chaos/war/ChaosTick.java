package io.durable.sample.chaos.war;

import io.durable.api.CatchUp;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowSchedule;
import jakarta.inject.Inject;

import java.time.Instant;

/**
 * A schedule every two seconds that starts every missed tick ({@link CatchUp#ALL}): a tick due
 * while the database restarts must run once afterwards.
 */
@Workflow(name = "chaos-tick")
@WorkflowSchedule(second = "*/2", minute = "*", hour = "*", catchUp = CatchUp.ALL)
public class ChaosTick {

    @Inject
    ChaosTickSteps steps;

    @WorkflowMethod
    public String run(Instant tick) {
        return steps.record(tick);
    }
}
