package io.durable.bench;

import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;

/** Sleeps an hour: a run that parks at once. */
@Workflow(name = "bench-napping")
public class NappingWorkflow {

    @Inject
    DurableContext context;

    /**
     * Parks.
     *
     * @return never reached within the benchmark
     */
    @WorkflowMethod
    public String run() {
        context.sleep(Duration.ofHours(1));
        return "awake";
    }
}
