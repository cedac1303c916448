package io.durable.jpa.engine;

import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;

/** Journals a step, sleeps a minute, journals another: release 0.1 left it parked on the sleep. */
@Workflow(name = "upgrade-sleeper")
public class SleeperWorkflow {

    @Inject
    DurableContext context;

    @Inject
    UpgradeSteps steps;

    @WorkflowMethod
    public String run(String input) {
        String first = steps.first(input);
        context.sleep(Duration.ofMinutes(1));
        return steps.second(first);
    }
}
