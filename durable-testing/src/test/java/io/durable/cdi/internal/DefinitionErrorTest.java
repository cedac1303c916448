package io.durable.cdi.internal;

import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.cdi.internal.DurableExtension;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Each bad declaration fails the deployment with a message naming the class and the problem. */
class DefinitionErrorTest {

    public record Payload(String value) {
    }

    public interface Shape {
    }

    @Workflow
    public static class NoEntry {
        public String run(String in) {
            return in;
        }
    }

    @Workflow
    public static class TwoEntries {
        @WorkflowMethod
        public String one(String in) {
            return in;
        }

        @WorkflowMethod
        public String two(String in) {
            return in;
        }
    }

    @Workflow(name = "same")
    public static class SameNameA {
        @WorkflowMethod
        public String run(String in) {
            return in;
        }
    }

    @Workflow(name = "same")
    public static class SameNameB {
        @WorkflowMethod
        public String run(String in) {
            return in;
        }
    }

    @Workflow
    public static class InterfaceInput {
        @WorkflowMethod
        public String run(Shape shape) {
            return "x";
        }
    }

    @Workflow
    public static class ObjectOutput {
        @WorkflowMethod
        public Object run(Payload payload) {
            return payload;
        }
    }

    @Workflow
    public static class TwoParameters {
        @WorkflowMethod
        public String run(Payload a, Payload b) {
            return "x";
        }
    }

    @Workflow
    public static class GenericListOfInterfaces {
        @WorkflowMethod
        public String run(List<Shape> shapes) {
            return "x";
        }
    }

    @Workflow
    @ApplicationScoped
    public static class NotDependent {
        @WorkflowMethod
        public String run(String in) {
            return in;
        }
    }

    @Workflow
    public static class StepsOnItself {
        @WorkflowMethod
        public String run(String in) {
            return step(in);
        }

        @DurableStep
        public String step(String in) {
            return in;
        }
    }

    @ApplicationScoped
    public static class FinalStep {
        @DurableStep
        public final String step(String in) {
            return in;
        }
    }

    @ApplicationScoped
    public static class ShapeStep {
        @DurableStep
        public Shape step(String in) {
            return null;
        }
    }

    record Hidden(String x) {
    }

    @Workflow
    public static class NonPublicRecord {
        @WorkflowMethod
        public String run(Hidden hidden) {
            return "x";
        }
    }

    private static String deploymentError(Class<?>... beans) {
        Weld weld = new Weld().disableDiscovery().addExtension(new DurableExtension()).addBeanClasses(beans)
                .addBeanClass(io.durable.testing.InMemoryWorkflowStore.class);
        RuntimeException e = assertThrows(RuntimeException.class, () -> {
            try (WeldContainer ignored = weld.initialize()) {
                // deployment must fail before this
            }
        });
        assertTrue(e instanceof DefinitionException || e instanceof DeploymentException, e.toString());
        return e.getMessage();
    }

    private static void assertContains(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message.contains(part), () -> "'" + part + "' missing from: " + message);
        }
    }

    @Workflow
    @io.durable.api.Signal(name = "go", type = Shape.class)
    @io.durable.api.Signal(name = "go")
    @io.durable.api.Signal(name = "no spaces")
    public static class BadSignals {
        @WorkflowMethod
        public String run(String in) {
            return in;
        }
    }

    @Workflow(version = 2, compatibleFrom = 3)
    public static class FutureCompatible {
        @WorkflowMethod
        public String run(String in) {
            return in;
        }
    }

    /** @Retry on the class applies to every method, as MicroProfile Fault Tolerance reads it. */
    @jakarta.enterprise.context.ApplicationScoped
    @org.eclipse.microprofile.faulttolerance.Retry(maxRetries = 2)
    public static class RetriedInOneTransaction {
        @io.durable.api.DurableStep(transactional = true)
        public String call(String in) {
            return in;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class FallbackInOneTransaction {
        @io.durable.api.DurableStep(transactional = true)
        @org.eclipse.microprofile.faulttolerance.Fallback(fallbackMethod = "fallback")
        public String call(String in) {
            return in;
        }

        public String fallback(String in) {
            return "fallback";
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class AsynchronousStep {
        @io.durable.api.DurableStep
        @org.eclipse.microprofile.faulttolerance.Asynchronous
        public java.util.concurrent.CompletionStage<String> call(String in) {
            return java.util.concurrent.CompletableFuture.completedFuture(in);
        }
    }

    /** Fault Tolerance that composes: retry, fallback, circuit breaker, bulkhead and timeout on a plain step; circuit breaker and bulkhead on a transactional one. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class ComposedFaultTolerance {
        @io.durable.api.DurableStep
        @org.eclipse.microprofile.faulttolerance.Retry(maxRetries = 2)
        @org.eclipse.microprofile.faulttolerance.Fallback(fallbackMethod = "fallback")
        @org.eclipse.microprofile.faulttolerance.CircuitBreaker
        @org.eclipse.microprofile.faulttolerance.Bulkhead
        public String plain(String in) {
            return in;
        }

        public String fallback(String in) {
            return "fallback";
        }

        @io.durable.api.DurableStep(transactional = true)
        @org.eclipse.microprofile.faulttolerance.CircuitBreaker
        @org.eclipse.microprofile.faulttolerance.Bulkhead
        public String transactional(String in) {
            return in;
        }

        @io.durable.api.DurableStep
        @org.eclipse.microprofile.faulttolerance.Timeout(500)
        public String bounded(String in) {
            return in;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class TimeoutInOneTransaction {
        @io.durable.api.DurableStep(transactional = true)
        @org.eclipse.microprofile.faulttolerance.Timeout(500)
        public String call(String in) {
            return in;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class UnknownRetry {
        @io.durable.api.DurableStep(retry = "aggressive")
        public String call(String in) {
            return in;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class ReservedName {
        @io.durable.api.DurableStep(name = "@sleep")
        public String call(String in) {
            return in;
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class MissingCompensation {
        @io.durable.api.DurableStep(compensation = "undo")
        public String reserve(String in) {
            return in;
        }

        public void undo(Integer wrongType) {
            // takes an Integer, but the step returns a String
        }
    }

    @jakarta.enterprise.context.ApplicationScoped
    public static class StepAsCompensation {
        @io.durable.api.DurableStep(compensation = "release")
        public String reserve(String in) {
            return in;
        }

        @io.durable.api.DurableStep
        public void release(String reservation) {
            // a step cannot be a compensation
        }
    }

    @Workflow
    @io.durable.api.WorkflowSchedule(minute = "0-75")
    public static class BadSchedule {
        @WorkflowMethod
        public String run() {
            return "x";
        }
    }

    @Test
    void a_workflow_without_an_entry_method_fails_the_deployment() {
        assertContains(deploymentError(NoEntry.class), NoEntry.class.getName(), "no method is annotated @WorkflowMethod");
    }

    @Test
    void a_workflow_with_two_entry_methods_fails_the_deployment() {
        assertContains(deploymentError(TwoEntries.class), TwoEntries.class.getName(), "more than one method", "[one, two]");
    }

    @Test
    void two_workflows_with_the_same_name_fail_the_deployment() {
        assertContains(deploymentError(SameNameA.class, SameNameB.class), "workflow name 'same' is already used by");
    }

    @Test
    void an_input_json_b_cannot_create_fails_the_deployment() {
        assertContains(deploymentError(InterfaceInput.class), InterfaceInput.class.getName(), "input",
                Shape.class.getName() + " is an interface");
        assertContains(deploymentError(GenericListOfInterfaces.class), "is an interface");
        assertContains(deploymentError(NonPublicRecord.class), "is not public");
    }

    @Test
    void an_output_of_type_object_fails_the_deployment() {
        assertContains(deploymentError(ObjectOutput.class), "output", "java.lang.Object carries no type information");
    }

    @Test
    void an_entry_method_with_two_parameters_fails_the_deployment() {
        assertContains(deploymentError(TwoParameters.class), "takes 2 parameters");
    }

    @Test
    void a_workflow_with_a_normal_scope_fails_the_deployment() {
        assertContains(deploymentError(NotDependent.class), NotDependent.class.getName(), "must be @Dependent");
    }

    @Test
    void steps_declared_on_the_workflow_bean_fail_the_deployment() {
        assertContains(deploymentError(StepsOnItself.class), StepsOnItself.class.getName(), "through 'this'",
                "Move the steps to another bean");
    }

    @Test
    void a_final_step_method_fails_the_deployment() {
        assertContains(deploymentError(FinalStep.class), FinalStep.class.getName(), "neither private nor final");
    }

    @Test
    void a_step_result_json_b_cannot_create_fails_the_deployment() {
        assertContains(deploymentError(ShapeStep.class), ShapeStep.class.getName(), "its result is journaled as JSON");
    }

    @Test
    void bad_signal_declarations_fail_the_deployment() {
        String error = deploymentError(BadSignals.class);
        assertContains(error, BadSignals.class.getName(), "@Signal(name = \"go\")", "is an interface");
        assertContains(deploymentError(BadSignals.class), "the name is declared twice");
        assertContains(deploymentError(BadSignals.class), "a signal name is 1 to 100 letters");
    }

    @Test
    void a_compatibility_bound_above_the_version_fails_the_deployment() {
        assertContains(deploymentError(FutureCompatible.class), "compatibleFrom = 3", "must be 1 to the version (2)");
    }

    @Test
    void fault_tolerance_that_would_break_a_steps_guarantees_fails_the_deployment() {
        assertContains(deploymentError(RetriedInOneTransaction.class), RetriedInOneTransaction.class.getName(),
                "@Retry on a transactional step", "@DurableStep(retry = ...)");
        assertContains(deploymentError(FallbackInOneTransaction.class), "@Fallback on a transactional step");
        assertContains(deploymentError(AsynchronousStep.class), "@Asynchronous returns before the work is done");
        assertContains(deploymentError(TimeoutInOneTransaction.class), "@Timeout on a transactional step interrupts");
        try (WeldContainer ok = new Weld().disableDiscovery().addExtension(new DurableExtension())
                .addBeanClasses(ComposedFaultTolerance.class, io.durable.testing.InMemoryWorkflowStore.class)
                .initialize()) {
            assertTrue(ok.isRunning(), "the combinations that compose deploy");
        }
    }

    @Test
    void an_unknown_retry_policy_or_a_reserved_step_name_fails_the_deployment() {
        assertContains(deploymentError(UnknownRetry.class), "retry policy 'aggressive' is neither a preset");
        assertContains(deploymentError(ReservedName.class), "must not start with '@'");
    }

    @Test
    void a_compensation_that_is_missing_mistyped_or_a_step_fails_the_deployment() {
        assertContains(deploymentError(MissingCompensation.class), "compensation 'undo' must be a method of the same class",
                "java.lang.String");
        assertContains(deploymentError(StepAsCompensation.class), "compensation 'release' must be an instance method "
                + "without @DurableStep");
    }

    @Test
    void an_invalid_schedule_fails_the_deployment() {
        assertContains(deploymentError(BadSchedule.class), BadSchedule.class.getName(), "@WorkflowSchedule is invalid",
                "minute = \"0-75\"");
    }
}
