package io.durable.bench;

import io.durable.api.DurableContext;
import io.durable.api.Signal;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/** Runs N no-op steps, then parks until the signal {@code go}: a run with an N-step history to resume. */
@Workflow(name = "bench-history")
@Signal(name = "go", type = String.class)
public class HistoryWorkflow {

    @Inject
    NoopSteps steps;

    @Inject
    DurableContext context;

    /**
     * Builds the history, waits, finishes.
     *
     * @param n how many steps
     * @return the sum of the steps' results
     */
    @WorkflowMethod
    public long run(int n) {
        long sum = 0;
        for (int i = 0; i < n; i++) {
            sum += steps.noop(i);
        }
        context.awaitSignal("go", String.class);
        return sum;
    }
}
