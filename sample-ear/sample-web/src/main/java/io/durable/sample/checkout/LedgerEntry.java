package io.durable.sample.checkout;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** One thing the checkout saga did (or undid) for an order, written in its step's transaction. */
@Entity
@Table(name = "sample_checkout_ledger")
public class LedgerEntry {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "order_id", length = 64, nullable = false)
    public String orderId;

    @Column(name = "action", length = 40, nullable = false)
    public String action;

    @Column(name = "seq", nullable = false)
    public long sequence;

    public LedgerEntry() {
    }

    public LedgerEntry(String orderId, String action, long sequence) {
        this.orderId = orderId;
        this.action = action;
        this.sequence = sequence;
    }
}
