package io.durable.sample.order;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

/**
 * An order: reserve stock (transactional: the reservation and its journal row commit together),
 * charge the payment provider (with the step's idempotency key), ship (transactional), notify.
 */
@Workflow(name = "order", version = 1)
public class OrderWorkflow {

    @Inject
    OrderSteps steps;

    @WorkflowMethod
    public OrderResult run(OrderRequest order) {
        String reservation = steps.reserveStock(order);
        String payment = steps.charge(order);
        String tracking = steps.ship(order);
        steps.notifyCustomer(order, tracking);
        return new OrderResult(order.orderId(), reservation, payment, tracking);
    }
}
