package io.durable.sample.order;

import io.durable.sample.SampleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.util.concurrent.TimeUnit;

/**
 * A simulated external payment and notification provider with its own storage: like a real one, it
 * answers a repeated idempotency key with the first answer instead of charging twice. Its latency is
 * configurable ({@code sample.provider.latency-ms}) so a crash test can kill the server mid-call.
 */
@ApplicationScoped
public class PaymentProvider {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    long latencyMillis = SampleSettings.number("sample.provider.latency-ms", 0);

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public String charge(String idempotencyKey, String orderId, long amountCents) {
        simulateNetwork();
        Payment existing = em.find(Payment.class, idempotencyKey);
        if (existing != null) {
            return existing.paymentId;
        }
        Payment payment = new Payment(idempotencyKey, orderId, amountCents, "pay-" + orderId);
        em.persist(payment);
        return payment.paymentId;
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void notifyCustomer(String idempotencyKey, String orderId, String message) {
        simulateNetwork();
        if (em.find(Notification.class, idempotencyKey) == null) {
            em.persist(new Notification(idempotencyKey, orderId, message));
        }
    }

    private void simulateNetwork() {
        if (latencyMillis > 0) {
            try {
                // the simulated provider's network latency, not a wait for a condition
                TimeUnit.MILLISECONDS.sleep(latencyMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while calling the payment provider", e);
            }
        }
    }
}
