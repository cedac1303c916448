package io.durable.sample.order;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The order's steps without the database, for unit tests: a test lists this class instead of
 * {@link OrderSteps}, and the workflow's {@code @Inject OrderSteps} gets it. Each override is a
 * {@code @DurableStep} again (annotations on methods are not inherited), with the same name.
 */
@ApplicationScoped
public class InMemoryOrderSteps extends OrderSteps {

    private final List<String> done = new CopyOnWriteArrayList<>();
    private volatile long stock = 10;

    /** What the step bodies did, in order. */
    List<String> done() {
        return List.copyOf(done);
    }

    @Override
    @DurableStep(transactional = true)
    public String reserveStock(OrderRequest order) {
        if (stock < order.quantity()) {
            throw new OutOfStockException(order.sku(), order.quantity(), stock);
        }
        stock -= order.quantity();
        done.add("reserved " + order.quantity() + " " + order.sku());
        return "R-" + order.orderId();
    }

    @Override
    @DurableStep
    public String charge(OrderRequest order) {
        done.add("charged " + order.amountCents());
        return "PAY-" + order.orderId();
    }

    @Override
    @DurableStep(transactional = true)
    public String ship(OrderRequest order) {
        done.add("shipped " + order.orderId());
        return "TRK-" + order.orderId();
    }

    @Override
    @DurableStep
    public void notifyCustomer(OrderRequest order, String tracking) {
        done.add("told the customer " + tracking);
    }
}
