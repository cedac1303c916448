package io.durable.sample.ft;

import io.durable.api.StepFailedException;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** Each Fault Tolerance annotation that composes with a step, once. */
@Workflow(name = "fault-tolerance")
public class FaultTolerantWorkflow {

    @Inject
    FaultTolerantSteps steps;

    @WorkflowMethod
    public String run(String key) {
        String retried = steps.retried(key);
        String fellBack = steps.fellBack(key);
        String first = failure(() -> steps.guarded(key, 1));
        String second = failure(() -> steps.guarded(key, 2));
        String slow = failure(() -> steps.slow(key));
        String written = steps.write(key);
        return String.join("|", retried, fellBack, first, second, slow, written);
    }

    private static String failure(java.util.function.Supplier<String> step) {
        try {
            return step.get();
        } catch (StepFailedException e) {
            return e.errorType();
        }
    }
}
