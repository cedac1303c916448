package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A shipment of an order. */
@Entity
@Table(name = "sample_shipment")
public class Shipment {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    @Column(name = "tracking_number", length = 80)
    public String trackingNumber;

    public Shipment() {
    }

    public Shipment(String orderId, String trackingNumber) {
        this.orderId = orderId;
        this.trackingNumber = trackingNumber;
    }
}
