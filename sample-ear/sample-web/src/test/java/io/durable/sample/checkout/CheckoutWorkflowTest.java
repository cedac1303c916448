package io.durable.sample.checkout;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checkout saga with its ledger in memory: shipped, or undone newest first when shipping fails. */
@WorkflowTest(beans = {CheckoutWorkflow.class, InMemoryCheckoutSteps.class})
class CheckoutWorkflowTest {

    @Inject
    WorkflowEngine engine;

    @Inject
    InMemoryCheckoutSteps steps;

    @Test
    void a_checkout_reserves_charges_and_ships(WorkflowTestKit kit) {
        RunId run = engine.start(CheckoutWorkflow.class, "c-1", new CheckoutRequest("c-1", 2500, false));

        assertEquals("TRK-c-1", kit.awaitResult(run, String.class));
        assertEquals(List.of("reserved", "charged 2500", "shipped"), steps.ledger("c-1"));
    }

    @Test
    void a_refused_parcel_refunds_the_charge_then_releases_the_reservation(WorkflowTestKit kit) {
        RunId run = engine.start(CheckoutWorkflow.class, "c-2", new CheckoutRequest("c-2", 2500, true));
        kit.awaitQuiet();

        RunInfo failed = engine.status(run);
        assertEquals(RunStatus.FAILED, failed.status());
        assertTrue(failed.error().contains("the carrier refused the parcel of order c-2"), failed.error());
        assertTrue(failed.error().endsWith("| compensated: @saga/undo:charge#1, @saga/undo:reserve#1"), failed.error());
        assertEquals(List.of("reserved", "charged 2500", "refunded", "released"), steps.ledger("c-2"));
    }
}
