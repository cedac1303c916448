package io.durable.sample.checkout;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/**
 * A checkout saga: reserve, charge, ship. When shipping fails, the engine refunds the charge, then
 * releases the reservation (newest first), and the run ends FAILED with what was undone.
 */
@Workflow(name = "checkout")
public class CheckoutWorkflow {

    @Inject
    CheckoutSteps steps;

    /**
     * Checks out.
     *
     * @param request the checkout
     * @return the tracking number
     */
    @WorkflowMethod
    public String run(CheckoutRequest request) {
        steps.reserve(request);
        steps.charge(request);
        return steps.ship(request);
    }
}
