package io.durable.cdi.internal;

import io.durable.api.Approval;
import io.durable.api.Branches;
import io.durable.api.ChildFailedException;
import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.RunFinished;
import io.durable.api.RunStarted;
import io.durable.api.RunStarting;
import io.durable.api.Signal;
import io.durable.api.StepCompleted;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowUsageException;
import io.durable.track.RunTracker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** Workflows that fork, start children, compensate, ask for approvals and loop, for the engine tests. */
public final class CompositionWorkflows {

    private CompositionWorkflows() {
    }

    /** The state a never-ending workflow carries from run to run. */
    public record Counter(int round, int total) {
    }

    @ApplicationScoped
    static class Steps {

        @Inject
        Probe probe;

        @DurableStep
        public String quote(String carrier) {
            if (probe.ranAndShouldFail("quote:" + carrier)) {
                throw new IllegalStateException("no quote from " + carrier);
            }
            if (carrier.startsWith("held")) {
                probe.passGate();
            }
            return carrier + "-quote";
        }

        @DurableStep
        public int add(int value) {
            probe.ran("add");
            return value;
        }
    }

    /** A checkout saga: reserve, charge, ship; compensations release and refund. */
    @ApplicationScoped
    static class SagaSteps {

        @Inject
        Probe probe;

        @Inject
        RunTracker tracker;

        private final List<String> undone = new CopyOnWriteArrayList<>();

        List<String> undone() {
            return List.copyOf(undone);
        }

        @DurableStep(compensation = "release")
        public String reserve(String order) {
            probe.ran("reserve");
            return "reservation-" + order;
        }

        public void release(String reservation) {
            probe.ran("release");
            if (reservation.contains("tracked")) {
                try {
                    tracker.currentStep();
                } catch (WorkflowUsageException e) {
                    undone.add(e.getMessage());
                }
            }
            undone.add("release " + reservation);
        }

        @DurableStep(compensation = "refund")
        public String charge(String order) {
            probe.ran("charge");
            return "payment-" + order;
        }

        public void refund(String payment) {
            probe.ran("refund");
            if (payment.contains("hold")) {
                probe.passGate();
            }
            if (payment.contains("refund-fails")) {
                throw new IllegalStateException("the payment provider refused the refund of " + payment);
            }
            undone.add("refund " + payment);
        }

        @DurableStep(compensation = "notifyCancelled")
        public void confirm(String order) {
            probe.ran("confirm");
        }

        public void notifyCancelled() {
            probe.ran("notifyCancelled");
            undone.add("notify");
        }

        @DurableStep
        public String ship(String order) {
            probe.ran("ship");
            if (order.contains("fail")) {
                throw new IllegalStateException("the carrier refused order " + order);
            }
            return "shipment-" + order;
        }
    }

    @Workflow(name = "quotes")
    public static class QuotesWorkflow {

        @Inject
        Steps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(String carriers) {
            Branches<String> branches = Branches.failFast();
            for (String carrier : carriers.split(",")) {
                branches.add(carrier, () -> steps.quote(carrier));
            }
            return String.join(" ", ctx.parallel("quotes", branches).values());
        }
    }

    /** Branch "slow" sleeps between two steps; branches "bad" and "worse" fail; the join policy is the input. */
    @Workflow(name = "fork")
    public static class ForkWorkflow {

        @Inject
        Steps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(String join) {
            Branches<String> branches = join.startsWith("all") ? Branches.waitForAll() : Branches.failFast();
            branches.add("slow", () -> {
                String first = steps.quote("slow-1");
                ctx.sleep(Duration.ofHours(1));
                return first + "+" + steps.quote("slow-2");
            });
            if (join.endsWith("fails")) {
                branches.add("bad", () -> steps.quote("bad"));
                branches.add("worse", () -> steps.quote("worse"));
            } else {
                branches.add("fast", () -> steps.quote("fast"));
            }
            Map<String, String> results = ctx.parallel("fork", branches);
            return results.get("slow") + " " + results.get(join.endsWith("fails") ? "bad" : "fast");
        }
    }

    @Workflow(name = "child")
    @Signal(name = "go", type = String.class)
    public static class ChildWorkflow {

        @Inject
        Steps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(String input) {
            if (input.startsWith("wait")) {
                return steps.quote(ctx.awaitSignal("go", String.class));
            }
            if (input.startsWith("fail")) {
                throw new IllegalStateException("child " + input + " cannot go on");
            }
            return steps.quote(input);
        }
    }

    /** Starts two children in parallel branches (or one unknown "workflow"), joins their results. */
    @Workflow(name = "parent")
    public static class ParentWorkflow {

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(String input) {
            if (input.equals("unknown")) {
                return ctx.child(Steps.class, null, "x", String.class);
            }
            String[] children = input.split(",");
            Map<String, String> results = ctx.parallel("children", Branches.<String>failFast()
                    .add("first", () -> child(children[0]))
                    .add("second", () -> child(children[1])));
            return results.get("first") + " " + results.get("second");
        }

        private String child(String input) {
            try {
                return ctx.child(ChildWorkflow.class, null, input, String.class);
            } catch (ChildFailedException e) {
                return "child failed (" + e.status() + ")";
            }
        }
    }

    @Workflow(name = "checkout")
    public static class CheckoutWorkflow {

        @Inject
        SagaSteps steps;

        @WorkflowMethod
        public String run(String order) {
            steps.reserve(order);
            steps.charge(order);
            steps.confirm(order);
            return steps.ship(order);
        }
    }

    @Workflow(name = "expense-approval")
    public static class ExpenseApprovalWorkflow {

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public String run(String expense) {
            Approval approval = ctx.awaitApproval("manager", Duration.ofDays(2));
            return approval.status() + ":" + approval.actor() + ":" + approval.reason();
        }
    }

    /** Adds 0..n-1 in n steps; sleeps once half-way when n is odd-sized (to be resumed). */
    @Workflow(name = "loop")
    public static class LoopWorkflow {

        @Inject
        Steps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public long run(int steps) {
            long sum = 0;
            for (int i = 0; i < steps; i++) {
                if (i == steps / 2) {
                    ctx.sleep(Duration.ofMinutes(1));
                }
                sum += this.steps.add(i);
            }
            return sum;
        }
    }

    /** Never ends by itself: three steps per run, then continues as a new run, five rounds in all. */
    @Workflow(name = "forever")
    public static class ForeverWorkflow {

        @Inject
        Steps steps;

        @Inject
        DurableContext ctx;

        @WorkflowMethod
        public int run(Counter counter) {
            int total = counter.total();
            for (int i = 0; i < 3; i++) {
                total += steps.add(1);
            }
            if (counter.round() < 5) {
                ctx.continueAsNew(new Counter(counter.round() + 1, total));
            }
            return total;
        }
    }

    /** Records the lifecycle events; vetoes instance ids that start with "veto". */
    @ApplicationScoped
    static class Lifecycle {

        private final List<String> events = new CopyOnWriteArrayList<>();

        List<String> events() {
            return List.copyOf(events);
        }

        void starting(@Observes RunStarting event) {
            if (event.instanceId().startsWith("veto")) {
                event.veto("instance ids starting with 'veto' are refused");
            }
        }

        void started(@Observes RunStarted event) {
            events.add("started " + event.run().instanceId());
        }

        void step(@Observes StepCompleted event) {
            events.add("step " + event.step().stepKey());
        }

        void finished(@Observes RunFinished event) {
            events.add("finished " + event.run().instanceId() + " " + event.run().status());
        }
    }
}
