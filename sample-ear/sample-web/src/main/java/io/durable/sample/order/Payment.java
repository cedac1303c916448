package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A charge at the simulated provider, keyed by the caller's idempotency key. */
@Entity
@Table(name = "sample_payment")
public class Payment {

    @Id
    @Column(name = "idempotency_key", length = 250)
    public String idempotencyKey;

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    @Column(name = "amount_cents")
    public long amountCents;

    @Column(name = "payment_id", length = 100)
    public String paymentId;

    public Payment() {
    }

    public Payment(String idempotencyKey, String orderId, long amountCents, String paymentId) {
        this.idempotencyKey = idempotencyKey;
        this.orderId = orderId;
        this.amountCents = amountCents;
        this.paymentId = paymentId;
    }
}
