package io.durable.sample.order;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

/**
 * The order's steps. Every body records that it ran ({@link StepAudit}), so tests can prove from the
 * database that no journaled step ran twice.
 */
@ApplicationScoped
public class OrderSteps {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @Inject
    DurableContext context;

    @Inject
    PaymentProvider payments;

    @Inject
    StepAudit audit;

    /** Reserves stock; the reservation, the stock change and the journal row commit together. */
    @DurableStep(transactional = true)
    public String reserveStock(OrderRequest order) {
        audit.recordInTransaction(context.runId().value(), context.stepKey(), order.orderId());
        Reservation reservation = new Reservation(order.orderId(), order.sku(), order.quantity());
        em.persist(reservation);
        Product product = em.find(Product.class, order.sku(), LockModeType.PESSIMISTIC_WRITE);
        long available = product == null ? 0 : product.stock();
        if (available < order.quantity()) {
            throw new OutOfStockException(order.sku(), order.quantity(), available);
        }
        product.take(order.quantity());
        em.flush();
        return reservation.id;
    }

    /**
     * Charges the external provider; a retry after a crash reuses the idempotency key. Retried under
     * the {@code provider} policy: a call that fails (here a lost database connection of the simulated
     * provider) is tried again instead of failing the order.
     */
    @DurableStep(retry = "provider")
    public String charge(OrderRequest order) {
        audit.recordAlone(context.runId().value(), context.stepKey(), order.orderId());
        return payments.charge(context.idempotencyKey(), order.orderId(), order.amountCents());
    }

    /** Creates the shipment; exactly once, with its journal row. */
    @DurableStep(transactional = true)
    public String ship(OrderRequest order) {
        audit.recordInTransaction(context.runId().value(), context.stepKey(), order.orderId());
        Shipment shipment = new Shipment(order.orderId(), "TRK-" + order.orderId());
        em.persist(shipment);
        return shipment.trackingNumber;
    }

    /** Tells the customer; the notification table ignores a repeated idempotency key. Retried as a charge. */
    @DurableStep(retry = "provider")
    public void notifyCustomer(OrderRequest order, String tracking) {
        audit.recordAlone(context.runId().value(), context.stepKey(), order.orderId());
        payments.notifyCustomer(context.idempotencyKey(), order.orderId(), "Your order ships as " + tracking);
    }
}
