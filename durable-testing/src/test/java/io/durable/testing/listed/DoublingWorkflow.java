package io.durable.testing.listed;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** A workflow that a test deploys by naming its package only. */
@Workflow(name = "doubling")
public class DoublingWorkflow {

    @Inject
    Doubler doubler;

    /**
     * Doubles twice.
     *
     * @param n a number
     * @return four times it
     */
    @WorkflowMethod
    public int run(int n) {
        return doubler.twice(doubler.twice(n));
    }
}
