package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One row per run. Times are epoch milliseconds: every database keeps them exactly, whatever its
 * timestamp precision. The claim index makes the poll's cost follow the claimable runs, not all runs.
 */
@Entity
@Table(name = "durable_run",
        uniqueConstraints = @UniqueConstraint(name = "durable_run_instance_uk", columnNames = {"workflow_name", "instance_id"}),
        indexes = {
                @Index(name = "durable_run_claim_ix", columnList = "status, lease_expires_at"),
                @Index(name = "durable_run_created_ix", columnList = "created_at")
        })
public class RunEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "workflow_name", length = 150, nullable = false)
    String workflowName;

    @Column(name = "workflow_version", nullable = false)
    int workflowVersion;

    @Column(name = "instance_id", length = 200, nullable = false)
    String instanceId;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Lob
    @Column(name = "input_json")
    String inputJson;

    @Lob
    @Column(name = "output_json")
    String outputJson;

    @Lob
    @Column(name = "error")
    String error;

    @Column(name = "lease_owner", length = 100)
    String leaseOwner;

    @Column(name = "lease_epoch", nullable = false)
    long leaseEpoch;

    @Column(name = "lease_expires_at")
    Long leaseExpiresAt;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "updated_at", nullable = false)
    long updatedAt;

    @Column(name = "finished_at")
    Long finishedAt;
}
