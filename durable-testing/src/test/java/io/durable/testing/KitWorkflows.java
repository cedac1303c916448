package io.durable.testing;

import io.durable.api.Approval;
import io.durable.api.Branches;
import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.Signal;
import io.durable.api.StepFailedException;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** The workflows the kit's own tests drive; the "greet" variants are changes a replay check must catch. */
public final class KitWorkflows {

    private KitWorkflows() {
    }

    /** The steps; counts what really ran, so a test sees that a replay runs no body. */
    @ApplicationScoped
    public static class Greetings {

        private final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
        private final AtomicInteger flaky = new AtomicInteger();

        int ran(String step) {
            AtomicInteger n = runs.get(step);
            return n == null ? 0 : n.get();
        }

        private void count(String step) {
            runs.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
        }

        @DurableStep
        public String hello(String who) {
            count("hello");
            return "hello " + who;
        }

        @DurableStep
        public String bye(String who) {
            count("bye");
            return "bye " + who;
        }

        /** Fails its first call; its retry waits at least 5 seconds, longer than a wait on the thread. */
        @DurableStep(retry = "rateLimit")
        public String flaky(String who) {
            count("flaky");
            if (flaky.incrementAndGet() == 1) {
                throw new IllegalStateException("the service is down");
            }
            return "reached " + who;
        }
    }

    /** What "greet" and its changed variants use: the steps and the context. */
    public abstract static class Greeter {
        @Inject
        Greetings steps;
        @Inject
        DurableContext context;
    }

    /** Greets, sleeps a week, says good-bye. */
    @Workflow(name = "greet")
    public static class GreetWorkflow extends Greeter {
        @WorkflowMethod
        public String run(String who) {
            String hello = steps.hello(who);
            context.sleep(Duration.ofDays(7));
            return hello + ", " + steps.bye(who);
        }
    }

    /** The change: says good-bye before greeting. */
    @Workflow(name = "greet-swapped")
    public static class SwappedGreetWorkflow extends Greeter {
        @WorkflowMethod
        public String run(String who) {
            String bye = steps.bye(who);
            context.sleep(Duration.ofDays(7));
            return steps.hello(who) + ", " + bye;
        }
    }

    /** The change: greets once more at the end. */
    @Workflow(name = "greet-longer")
    public static class LongerGreetWorkflow extends Greeter {
        @WorkflowMethod
        public String run(String who) {
            String hello = steps.hello(who);
            context.sleep(Duration.ofDays(7));
            return hello + ", " + steps.bye(who) + ", " + steps.hello(who);
        }
    }

    /** The change: no good-bye any more. */
    @Workflow(name = "greet-shorter")
    public static class ShorterGreetWorkflow extends Greeter {
        @WorkflowMethod
        public String run(String who) {
            String hello = steps.hello(who);
            context.sleep(Duration.ofDays(7));
            return hello;
        }
    }

    /** The change: the same steps, another output. */
    @Workflow(name = "greet-louder")
    public static class LouderGreetWorkflow extends Greeter {
        @WorkflowMethod
        public String run(String who) {
            String hello = steps.hello(who);
            context.sleep(Duration.ofDays(7));
            return (hello + ", " + steps.bye(who)).toUpperCase(java.util.Locale.ROOT);
        }
    }

    /** Waits for a signal and an approval. */
    @Workflow(name = "expense")
    @Signal(name = "receipt", type = String.class)
    public static class ExpenseWorkflow {
        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String expense) {
            String receipt = context.awaitSignal("receipt", String.class, Duration.ofDays(3)).orElse("no receipt");
            Approval approval = context.awaitApproval("manager", Duration.ofDays(7));
            return expense + ": " + receipt + ", " + approval.status();
        }
    }

    /** Calls a step that fails once and retries after a back-off that parks the run. */
    @Workflow(name = "flaky")
    public static class FlakyWorkflow {
        @Inject
        Greetings steps;

        @WorkflowMethod
        public String run(String who) {
            return steps.flaky(who);
        }
    }

    /** A trip's bookings: the hotel is undone when the flight cannot be booked. */
    @ApplicationScoped
    public static class Trips {

        private final AtomicInteger cancelled = new AtomicInteger();

        int cancelled() {
            return cancelled.get();
        }

        @DurableStep(compensation = "cancelHotel")
        public String bookHotel(String trip) {
            return "H-" + trip;
        }

        public void cancelHotel(String booking) {
            cancelled.incrementAndGet();
        }

        @DurableStep
        public String bookFlight(String trip) {
            throw new IllegalStateException("no seats left for " + trip);
        }
    }

    /**
     * Books a hotel, then fails at the flight: the run ends FAILED after undoing the hotel. Its error
     * names no run id (a step's failure would), so that a replay under another id ends with the same.
     */
    @Workflow(name = "trip")
    public static class TripWorkflow {
        @Inject
        Trips trips;

        @WorkflowMethod
        public String run(String trip) {
            String hotel = trips.bookHotel(trip);
            try {
                return hotel + ", " + trips.bookFlight(trip);
            } catch (StepFailedException e) {
                throw new IllegalStateException("no flight for " + trip);
            }
        }
    }

    /** Two parallel branches: one starts a child run of "greet", the other calls a step. */
    @Workflow(name = "fan-out")
    public static class FanOutWorkflow {
        @Inject
        Greetings steps;
        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String who) {
            Map<String, String> results = context.parallel("greetings", Branches.<String>failFast()
                    .add("child", () -> context.child(GreetWorkflow.class, null, who, String.class))
                    .add("step", () -> steps.hello(who)));
            return results.get("child") + " | " + results.get("step");
        }
    }

    /** Started by its schedule, every hour on the hour. */
    @Workflow(name = "hourly")
    @WorkflowSchedule(hour = "*")
    public static class HourlyWorkflow {
        @Inject
        Greetings steps;

        @WorkflowMethod
        public String run() {
            return steps.hello("hour");
        }
    }
}
