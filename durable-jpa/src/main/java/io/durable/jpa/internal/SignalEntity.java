package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * A signal sent to a run, buffered until the run consumes it. The unique (run, idempotency key)
 * makes a repeated send a no-op; the pending index lets the sweep find arrived signals without
 * reading every parked run.
 */
@Entity
@Table(name = "durable_signal",
        uniqueConstraints = @UniqueConstraint(name = "durable_signal_idem_uk", columnNames = {"run_id", "idempotency_key"}),
        indexes = {
                @Index(name = "durable_signal_run_ix", columnList = "run_id, name"),
                @Index(name = "durable_signal_pending_ix", columnList = "consumed, run_id")
        })
public class SignalEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    /** The order of writes: a database sequence numbers each row as it is inserted (never written by JPA). */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "name", length = 150, nullable = false)
    String name;

    @Column(name = "payload_json")
    String payloadJson;

    @Column(name = "idempotency_key", length = 200)
    String idempotencyKey;

    @Column(name = "sent_at", nullable = false)
    long sentAt;

    @Column(name = "consumed", nullable = false)
    boolean consumed;

    @Column(name = "consumed_at")
    Long consumedAt;
}
