package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.NonRetryable;
import io.durable.api.Signal;
import io.durable.api.StepFailedException;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.api.WorkflowSchedule;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Workflows that sleep, wait for signals, retry and change versions, for the engine tests. */
public final class TimeWorkflows {

    private TimeWorkflows() {
    }

    public record Approval(String approver, boolean approved) {
    }

    /** A failure no retry can cure. */
    @NonRetryable
    public static class InvalidInput extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public InvalidInput(String message) {
            super(message);
        }
    }

    @ApplicationScoped
    static class TimeSteps {

        @Inject
        Probe probe;

        @DurableStep
        public String remind(String who) {
            probe.ran("remind:" + who);
            return "reminded " + who;
        }

        @DurableStep(retry = "fast")
        public String flaky(String id) {
            if (probe.ranAndShouldFail("flaky")) {
                throw new IllegalStateException("HTTP 503");
            }
            return "ok-" + id;
        }

        @DurableStep(retry = "rateLimit", transactional = true)
        public String limited(String id) {
            if (probe.ranAndShouldFail("limited")) {
                throw new IllegalStateException("HTTP 429");
            }
            return "fetched-" + id;
        }

        @DurableStep(retry = "standard", noRetryOn = IllegalArgumentException.class)
        public String picky(String id) {
            probe.ran("picky");
            throw new IllegalArgumentException("bad id " + id);
        }

        @DurableStep(retry = "fast")
        public String invalid(String id) {
            probe.ran("invalid");
            throw new InvalidInput("invalid " + id);
        }
    }

    @Workflow(name = "sleeper")
    public static class SleeperWorkflow {

        @Inject
        TimeSteps steps;

        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String who) {
            Instant before = context.now();
            context.sleep(Duration.ofDays(365));
            Instant after = context.now();
            return steps.remind(who) + " after " + Duration.between(before, after).toDays() + " days";
        }
    }

    @Workflow(name = "approval")
    @Signal(name = "approval", type = Approval.class)
    @Signal(name = "nudge")
    public static class ApprovalWorkflow {

        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String expenseId) {
            Optional<Approval> decision = context.awaitSignal("approval", Approval.class, Duration.ofDays(3));
            return decision.map(a -> (a.approved() ? "approved by " : "rejected by ") + a.approver())
                    .orElse("expired");
        }
    }

    @Workflow(name = "retrying")
    public static class RetryingWorkflow {

        @Inject
        TimeSteps steps;

        @WorkflowMethod
        public String run(String mode) {
            try {
                return switch (mode) {
                    case "fast" -> steps.flaky(mode);
                    case "rate" -> steps.limited(mode);
                    case "picky" -> steps.picky(mode);
                    default -> steps.invalid(mode);
                };
            } catch (StepFailedException e) {
                return "gave up: " + e.errorType();
            }
        }
    }

    /** Version 2 added an extra step behind a marker; version-1 runs keep their old path. */
    @Workflow(name = "versioned", version = 2, compatibleFrom = 1)
    public static class VersionedWorkflow {

        @Inject
        TimeSteps steps;

        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String id) {
            String first = steps.remind("first-" + id);
            int version = context.version("extra-step", 1, 2);
            if (version >= 2) {
                steps.remind("extra-" + id);
            }
            context.sleep(Duration.ofHours(1));
            return first + " v" + version;
        }
    }

    @Workflow(name = "random")
    public static class RandomWorkflow {

        @Inject
        DurableContext context;

        @WorkflowMethod
        public String run(String id) {
            UUID token = context.randomUUID();
            context.sleep(Duration.ofMinutes(5));
            return token + "/" + context.randomUUID();
        }
    }

    @Workflow(name = "report")
    @WorkflowSchedule(minute = "*/15", hour = "*")
    public static class ReportWorkflow {

        @WorkflowMethod
        public String run(Instant tick) {
            return "report for " + tick;
        }
    }

    @ApplicationScoped
    static class SleepyStep {

        @Inject
        DurableContext context;

        @DurableStep
        public String nap() {
            context.sleep(Duration.ofSeconds(1));
            return "never";
        }
    }

    /** Uses the durable operations wrongly, one way per input. */
    @Workflow(name = "misuse")
    @Signal(name = "go", type = Approval.class)
    public static class MisuseWorkflow {

        @Inject
        DurableContext context;

        @Inject
        SleepyStep step;

        @WorkflowMethod
        public String run(String mode) {
            switch (mode) {
                case "negative" -> context.sleep(Duration.ofSeconds(-5));
                case "absurd" -> context.sleep(Duration.ofDays(5000));
                case "undeclared" -> context.awaitSignal("nope", String.class);
                case "wrong-type" -> context.awaitSignal("go", String.class);
                default -> step.nap();
            }
            return "unreachable";
        }
    }
}
