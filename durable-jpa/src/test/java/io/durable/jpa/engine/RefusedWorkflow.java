package io.durable.jpa.engine;

import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.atomic.AtomicInteger;

/** Journals a result that the test's database refuses for good (a CHECK constraint the test adds). */
@Workflow(name = "refused-write")
public class RefusedWorkflow {

    /** The text the test's constraint refuses in {@code durable_step.result_json}. */
    public static final String REFUSED = "refused-by-the-database";

    @Inject
    Steps steps;

    @WorkflowMethod
    public String run(String input) {
        return steps.refused(input);
    }

    /** The step, counting its executions. */
    @ApplicationScoped
    public static class Steps {

        public static final AtomicInteger EXECUTIONS = new AtomicInteger();

        @DurableStep
        public String refused(String input) {
            EXECUTIONS.incrementAndGet();
            return REFUSED;
        }
    }
}
