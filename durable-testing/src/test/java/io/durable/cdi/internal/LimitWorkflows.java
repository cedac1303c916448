package io.durable.cdi.internal;

import io.durable.api.Branches;
import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.Limit;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Workflows that reach the library's limits, for {@link LimitsTest}. */
final class LimitWorkflows {

    static final String LONG = "n".repeat(Limit.BLOCK_NAME.max());

    private LimitWorkflows() {
    }

    @ApplicationScoped
    static class CountingSteps {

        @Inject
        Probe probe;

        @DurableStep
        public String plain(String tag) {
            probe.ran("limits:" + tag);
            return tag;
        }

        /** Returns a text whose JSON is just over the step result limit. */
        @DurableStep
        public String huge(String tag) {
            probe.ran("limits:" + tag);
            return "r".repeat(Limit.STEP_RESULT.max() - 1);
        }
    }

    /** Two nested parallel blocks whose block and branch names are 100 characters, around a plain step. */
    @Workflow(name = "limits-nested")
    public static class NestedWorkflow {

        @Inject
        CountingSteps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run() {
            return ctx.parallel("o" + LONG.substring(1), Branches.<String>failFast().add("b" + LONG.substring(1),
                    () -> ctx.parallel("i" + LONG.substring(1), Branches.<String>failFast().add("c" + LONG.substring(1),
                            () -> steps.plain("nested"))).values().iterator().next())).values().iterator().next();
        }
    }

    /** Parallel blocks nested as deep as the input says, with short names, around a plain step. */
    @Workflow(name = "limits-deep")
    public static class DeepWorkflow {

        @Inject
        CountingSteps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(Integer depth) {
            return nest(depth);
        }

        private String nest(int depth) {
            if (depth == 0) {
                return steps.plain("deep");
            }
            return ctx.parallel("p", Branches.<String>failFast().add("b", () -> nest(depth - 1))).get("b");
        }
    }

    /** A step whose result is over the limit; the workflow catches what it can, which must not help. */
    @Workflow(name = "limits-result")
    public static class HugeResultWorkflow {

        @Inject
        CountingSteps steps;

        @WorkflowMethod
        public String run(String input) {
            try {
                return steps.huge("huge").length() + input;
            } catch (RuntimeException e) {
                return "caught: " + e.getMessage();
            }
        }
    }
}
