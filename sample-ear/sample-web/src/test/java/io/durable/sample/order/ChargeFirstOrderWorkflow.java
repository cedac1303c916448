package io.durable.sample.order;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/**
 * A deliberately breaking change of {@link OrderWorkflow}, for the replay test only: it charges before
 * it reserves stock. Same workflow name and version, so a deployed engine would replay the runs the
 * old code started with it, and block them at their first step.
 */
@Workflow(name = "order", version = 1)
public class ChargeFirstOrderWorkflow {

    @Inject
    OrderSteps steps;

    /**
     * Runs the changed order.
     *
     * @param order the order
     * @return the result
     */
    @WorkflowMethod
    public OrderResult run(OrderRequest order) {
        String payment = steps.charge(order);
        String reservation = steps.reserveStock(order);
        String tracking = steps.ship(order);
        steps.notifyCustomer(order, tracking);
        return new OrderResult(order.orderId(), reservation, payment, tracking);
    }
}
