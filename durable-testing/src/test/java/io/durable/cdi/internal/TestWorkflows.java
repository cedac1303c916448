package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.StepFailedException;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.List;

/** Workflows and step beans used by the engine tests. */
public final class TestWorkflows {

    private TestWorkflows() {
    }

    public record Order(String id, List<Line> lines, byte[] signature) {
    }

    public record Line(String sku, int quantity) {
    }

    public record Receipt(String orderId, int items, List<String> log, byte[] signature) {
    }

    @ApplicationScoped
    static class OrderSteps {

        @Inject
        Probe probe;

        @Inject
        DurableContext context;

        @DurableStep
        public int reserve(Line line) {
            probe.ran("reserve");
            return line.quantity();
        }

        @DurableStep(name = "charge")
        public String pay(String orderId, int items) {
            probe.ran("charge");
            probe.idempotencyKey(context.idempotencyKey());
            return "paid-" + orderId + "-" + items;
        }

        @DurableStep
        public List<String> ship(String orderId) {
            probe.ran("ship");
            return List.of("box-" + orderId, "label-" + orderId);
        }

        @DurableStep
        public void slow() {
            probe.ran("slow");
            probe.passGate();
        }

        @DurableStep
        public String explode(String why) {
            probe.ran("explode");
            throw new IllegalStateException(why);
        }
    }

    @Workflow(name = "order", version = 2)
    public static class OrderWorkflow {

        @Inject
        OrderSteps steps;

        @WorkflowMethod
        public Receipt run(Order order) {
            List<String> log = new ArrayList<>();
            int items = 0;
            for (Line line : order.lines()) {
                items += steps.reserve(line);
            }
            log.add(steps.pay(order.id(), items));
            log.addAll(steps.ship(order.id()));
            return new Receipt(order.id(), items, log, order.signature());
        }
    }

    @Workflow(name = "blocking")
    public static class BlockingWorkflow {

        @Inject
        OrderSteps steps;

        @WorkflowMethod
        public String run(String orderId) {
            steps.slow();
            return steps.pay(orderId, 1);
        }
    }

    /** Catches a failed step and goes on: replay must take the same path. */
    @Workflow(name = "recovering")
    public static class RecoveringWorkflow {

        @Inject
        OrderSteps steps;

        @WorkflowMethod
        public String run(String orderId) {
            try {
                steps.explode("card declined");
                return "unreachable";
            } catch (StepFailedException e) {
                return steps.pay(orderId, 0) + " after " + e.errorType() + ": " + e.errorMessage();
            }
        }
    }

    @Workflow(name = "failing")
    public static class FailingWorkflow {

        @Inject
        OrderSteps steps;

        @WorkflowMethod
        public String run(String why) {
            steps.reserve(new Line("x", 1));
            return steps.explode(why);
        }
    }

    @Workflow(name = "no-input")
    public static class NoInputWorkflow {

        @Inject
        OrderSteps steps;

        @WorkflowMethod
        public void run() {
            steps.ship("none");
        }
    }
}
