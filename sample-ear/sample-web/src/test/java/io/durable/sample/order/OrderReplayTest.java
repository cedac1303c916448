package io.durable.sample.order;

import io.durable.api.RunExport;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.testing.ReplayMismatchError;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import io.smallrye.config.inject.ConfigExtension;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The replay check the team runs in CI before a deployment: a completed order run recorded with the
 * current code ({@code order-run-v1.json}, exported with {@code WorkflowEngine.export}) replays against
 * the workflow code of this build. The real {@link OrderSteps} are deployed, not in-memory ones: a
 * replay runs no step body, it only answers each step from the journal.
 */
class OrderReplayTest {

    static RunExport recorded() {
        try (InputStream in = OrderReplayTest.class.getResourceAsStream("order-run-v1.json")) {
            return RunExport.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Nested
    @WorkflowTest(beans = {OrderWorkflow.class, OrderSteps.class, PaymentProvider.class, StepAudit.class},
            extensions = ConfigExtension.class)
    class TheCurrentWorkflow {

        @Test
        void replays_the_recorded_order_to_the_same_result(WorkflowTestKit kit) {
            RunInfo replayed = kit.replay(recorded());

            assertEquals(RunStatus.COMPLETED, replayed.status());
            assertEquals(new OrderResult("A-1001", "R-A-1001", "PAY-A-1001", "TRK-A-1001"),
                    kit.awaitResult(replayed.id(), OrderResult.class));
        }
    }

    @Nested
    @WorkflowTest(beans = {ChargeFirstOrderWorkflow.class, OrderSteps.class, PaymentProvider.class, StepAudit.class},
            extensions = ConfigExtension.class)
    class AWorkflowThatChargesBeforeItReserves {

        @Test
        void does_not_fit_the_recorded_order_and_says_where(WorkflowTestKit kit) {
            RunExport recorded = recorded();

            ReplayMismatchError error = assertThrows(ReplayMismatchError.class, () -> kit.replay(recorded));

            assertEquals("Workflow code changed under a running workflow: run 844ea030-e254-4072-b02f-781b1d47b13d "
                    + "recorded step 'reserveStock#1' at position 0 but the code now calls 'charge#1'. Check that your "
                    + "workflow is deterministic, or keep the old code path for runs started with the old version.",
                    error.getMessage());
            assertEquals("order", error.workflowName());
        }
    }
}
