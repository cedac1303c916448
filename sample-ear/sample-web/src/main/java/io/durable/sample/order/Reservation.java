package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** Stock held for an order. */
@Entity
@Table(name = "sample_reservation")
public class Reservation {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    @Column(length = 40, nullable = false)
    public String sku;

    public int quantity;

    public Reservation() {
    }

    public Reservation(String orderId, String sku, int quantity) {
        this.orderId = orderId;
        this.sku = sku;
        this.quantity = quantity;
    }
}
