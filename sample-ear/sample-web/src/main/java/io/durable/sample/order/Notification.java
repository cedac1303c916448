package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A message sent to a customer, keyed by the idempotency key. */
@Entity
@Table(name = "sample_notification")
public class Notification {

    @Id
    @Column(name = "idempotency_key", length = 250)
    public String idempotencyKey;

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    @Column(length = 500)
    public String message;

    public Notification() {
    }

    public Notification(String idempotencyKey, String orderId, String message) {
        this.idempotencyKey = idempotencyKey;
        this.orderId = orderId;
        this.message = message;
    }
}
