package io.durable.sample.checkout;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * The checkout's steps and their compensations. Each is transactional: its ledger row and its
 * journal entry commit together, and so do a compensation's, so a crash can neither lose nor double
 * a row.
 */
@ApplicationScoped
public class CheckoutSteps {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    /**
     * Holds the goods.
     *
     * @param request the checkout
     * @return the reservation id
     */
    @DurableStep(transactional = true, compensation = "release")
    public String reserve(CheckoutRequest request) {
        record(request.orderId(), "reserved");
        return "reservation-" + request.orderId();
    }

    /**
     * Releases the goods (compensates {@link #reserve}).
     *
     * @param reservation the reservation id
     */
    public void release(String reservation) {
        record(reservation.substring("reservation-".length()), "released");
    }

    /**
     * Charges the customer.
     *
     * @param request the checkout
     * @return the payment id
     */
    @DurableStep(transactional = true, compensation = "refund")
    public String charge(CheckoutRequest request) {
        record(request.orderId(), "charged " + request.amountCents());
        return "payment-" + request.orderId();
    }

    /**
     * Refunds the customer (compensates {@link #charge}).
     *
     * @param payment the payment id
     */
    public void refund(String payment) {
        record(payment.substring("payment-".length()), "refunded");
    }

    /**
     * Hands the parcel to the carrier, who refuses it when the request says so.
     *
     * @param request the checkout
     * @return the tracking number
     */
    @DurableStep(transactional = true)
    public String ship(CheckoutRequest request) {
        if (request.failShipping()) {
            throw new IllegalStateException("the carrier refused the parcel of order " + request.orderId());
        }
        record(request.orderId(), "shipped");
        return "TRK-" + request.orderId();
    }

    /**
     * The ledger of an order, oldest first.
     *
     * @param orderId the order
     * @return the actions
     */
    public List<String> ledger(String orderId) {
        return em.createQuery("SELECT e.action FROM LedgerEntry e WHERE e.orderId = :o ORDER BY e.sequence", String.class)
                .setParameter("o", orderId).getResultList();
    }

    private void record(String orderId, String action) {
        long next = em.createQuery("SELECT COUNT(e) FROM LedgerEntry e WHERE e.orderId = :o", Long.class)
                .setParameter("o", orderId).getSingleResult();
        em.persist(new LedgerEntry(orderId, action, next));
    }
}
