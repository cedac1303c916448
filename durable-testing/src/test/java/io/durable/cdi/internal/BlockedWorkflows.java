package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;

/** A workflow whose code "changes" between deployments, for the blocked-run tests. */
public final class BlockedWorkflows {

    private BlockedWorkflows() {
    }

    /** Steps that count their executions. */
    @ApplicationScoped
    public static class ChangeSteps {

        @Inject
        Probe probe;

        @DurableStep
        public String first(String in) {
            probe.ran("first");
            return "first(" + in + ")";
        }

        @DurableStep
        public String inserted(String in) {
            probe.ran("inserted");
            return "inserted(" + in + ")";
        }

        @DurableStep
        public String second(String in) {
            probe.ran("second");
            return "second(" + in + ")";
        }
    }

    /** Version 1: first, sleep, second. Code 2 inserts a step before the first: another deployment. */
    @Workflow(name = "changing")
    public static class ChangingWorkflow {

        /** The code deployed: 1 or 2. */
        static volatile int code = 1;

        @Inject
        DurableContext context;

        @Inject
        ChangeSteps steps;

        @WorkflowMethod
        public String run(String in) {
            if (code == 2) {
                steps.inserted(in);
            }
            String first = steps.first(in);
            context.sleep(Duration.ofMinutes(1));
            return steps.second(first);
        }
    }
}
