package io.durable.sample.checkout;

import io.durable.api.DurableStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The checkout's steps and compensations with the ledger in memory, for unit tests: a test lists this
 * class instead of {@link CheckoutSteps}. The steps are {@code @DurableStep} again, with the same
 * compensations (annotations on methods are not inherited).
 */
@ApplicationScoped
public class InMemoryCheckoutSteps extends CheckoutSteps {

    private final List<String> ledger = new CopyOnWriteArrayList<>();

    @Override
    public List<String> ledger(String orderId) {
        return ledger.stream().filter(e -> e.startsWith(orderId + " ")).map(e -> e.substring(orderId.length() + 1))
                .toList();
    }

    @Override
    @DurableStep(transactional = true, compensation = "release")
    public String reserve(CheckoutRequest request) {
        ledger.add(request.orderId() + " reserved");
        return "reservation-" + request.orderId();
    }

    @Override
    public void release(String reservation) {
        ledger.add(reservation.substring("reservation-".length()) + " released");
    }

    @Override
    @DurableStep(transactional = true, compensation = "refund")
    public String charge(CheckoutRequest request) {
        ledger.add(request.orderId() + " charged " + request.amountCents());
        return "payment-" + request.orderId();
    }

    @Override
    public void refund(String payment) {
        ledger.add(payment.substring("payment-".length()) + " refunded");
    }

    @Override
    @DurableStep(transactional = true)
    public String ship(CheckoutRequest request) {
        if (request.failShipping()) {
            throw new IllegalStateException("the carrier refused the parcel of order " + request.orderId());
        }
        ledger.add(request.orderId() + " shipped");
        return "TRK-" + request.orderId();
    }
}
