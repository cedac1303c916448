package io.durable.sample.order;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowFailedException;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The order workflow with its steps in memory. The real steps' other beans are listed because
 * {@link OrderSteps}, which the in-memory steps extend, injects them (their database is never used);
 * the payment provider reads its latency with {@code @ConfigProperty}, hence SmallRye Config's extension.
 */
@WorkflowTest(beans = {OrderWorkflow.class, InMemoryOrderSteps.class, PaymentProvider.class, StepAudit.class},
        extensions = ConfigExtension.class)
class OrderWorkflowTest {

    @Inject
    WorkflowEngine engine;

    @Inject
    InMemoryOrderSteps steps;

    @Test
    void an_order_is_reserved_charged_shipped_and_told_in_that_order(WorkflowTestKit kit) {
        RunId run = engine.start(OrderWorkflow.class, "o-1", new OrderRequest("o-1", "mug", 2, 1500));

        OrderResult result = kit.awaitResult(run, OrderResult.class);

        assertEquals(new OrderResult("o-1", "R-o-1", "PAY-o-1", "TRK-o-1"), result);
        assertEquals(List.of("reserved 2 mug", "charged 1500", "shipped o-1", "told the customer TRK-o-1"), steps.done());
        assertEquals(List.of("reserveStock#1", "charge#1", "ship#1", "notifyCustomer#1"),
                engine.steps(run).stream().map(StepInfo::stepKey).toList());
    }

    @Test
    void an_order_beyond_the_stock_fails_at_the_reservation_and_charges_nothing(WorkflowTestKit kit) {
        RunId run = engine.start(OrderWorkflow.class, "o-2", new OrderRequest("o-2", "mug", 50, 75000));

        WorkflowFailedException failed = assertThrows(WorkflowFailedException.class,
                () -> kit.awaitResult(run, OrderResult.class));

        assertTrue(failed.getMessage().contains("Only 10 of mug in stock, 50 wanted"), failed.getMessage());
        assertEquals(RunStatus.FAILED, engine.status(run).status());
        assertEquals(List.of(), steps.done());
    }
}
