package io.durable.jpa.engine;

import io.durable.api.DurableContext;
import io.durable.api.Signal;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** Journals a step and waits for signal {@code go}: release 0.1 left it parked on the signal. */
@Workflow(name = "upgrade-waiter")
@Signal(name = "go", type = String.class)
public class WaiterWorkflow {

    @Inject
    DurableContext context;

    @Inject
    UpgradeSteps steps;

    @WorkflowMethod
    public String run(String input) {
        String first = steps.first(input);
        return steps.second(first + "+" + context.awaitSignal("go", String.class));
    }
}
