package io.durable.bench;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** Runs {@code steps} no-op steps. */
@Workflow(name = "noop")
public class NoopWorkflow {

    @Inject
    NoopSteps steps;

    @WorkflowMethod
    public int run(int count) {
        int sum = 0;
        for (int i = 0; i < count; i++) {
            sum += steps.noop(i);
        }
        return sum;
    }
}
