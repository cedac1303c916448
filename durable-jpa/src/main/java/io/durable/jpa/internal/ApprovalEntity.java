package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * An approval a run asked for. Unique per (run, key); the pending index serves the listing of
 * pending approvals across runs.
 */
@Entity
@Table(name = "durable_approval",
        uniqueConstraints = @UniqueConstraint(name = "durable_approval_key_uk", columnNames = {"run_id", "approval_key"}),
        indexes = @Index(name = "durable_approval_pending_ix", columnList = "status, requested_at"))
public class ApprovalEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    /** The order of writes: a database sequence numbers each row as it is inserted (never written by JPA). */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "workflow_name", length = 150)
    String workflowName;

    @Column(name = "approval_key", length = 100, nullable = false)
    String key;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "requested_at", nullable = false)
    long requestedAt;

    @Column(name = "expires_at", nullable = false)
    long expiresAt;

    @Column(name = "actor", length = 100)
    String actor;

    @Column(name = "reason", length = 1000)
    String reason;

    @Column(name = "decided_at")
    Long decidedAt;

    /** @return the row's id */
    public String id() {
        return id;
    }
}
