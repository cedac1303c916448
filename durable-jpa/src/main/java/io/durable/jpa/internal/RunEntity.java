package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One row per run, whether a workflow run or a tracked job that is not a workflow ({@code kind}); a
 * job is never claimed, swept or executed, and holds no instance key (its instance id is its run id),
 * so it can never take a workflow's instance id. The owner (tenant) is the starting caller's. Times are epoch milliseconds: every database keeps them exactly, whatever its
 * timestamp precision. The claim and wake indexes make the sweep's cost follow the due runs, not all
 * runs; the page indexes hold the listing order, newest first by (created at, id), of all runs, of an
 * owner's and of a parent's children. {@code instance_key} is the instance id while the run holds it (unique per workflow) and
 * {@code NULL} once a later start with TERMINATE_EXISTING took it over.
 */
@Entity
@Table(name = "durable_run",
        uniqueConstraints = @UniqueConstraint(name = "durable_run_key_uk", columnNames = {"workflow_name", "instance_key"}),
        indexes = {
                @Index(name = "durable_run_claim_ix", columnList = "kind, status, lease_expires_at"),
                @Index(name = "durable_run_wake_ix", columnList = "kind, status, wake_at"),
                @Index(name = "durable_run_owner_ix", columnList = "owner_id, workflow_name, created_at"),
                @Index(name = "durable_run_page_ix", columnList = "created_at, id"),
                @Index(name = "durable_run_owner_page_ix", columnList = "owner_id, created_at, id"),
                @Index(name = "durable_run_children_ix", columnList = "parent_run_id, created_at, id")
        })
public class RunEntity {

    /** The kind of a workflow run. */
    public static final String WORKFLOW = "WORKFLOW";
    /** The kind of a tracked job that is not a workflow. */
    public static final String JOB = "JOB";

    @Id
    @Column(name = "id", length = 64)
    String id;

    /** The order of writes: a database sequence numbers each row as it is inserted (never written by JPA). */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    /** Failed attempts to recover the run for reasons not the database's (reset by a retry). */
    @Column(name = "recovery_attempts", nullable = false)
    int recoveryAttempts;

    @Column(name = "kind", length = 16, nullable = false)
    String kind;

    @Column(name = "owner_id", length = 200, nullable = false)
    String owner;

    @Column(name = "run_trigger", length = 100)
    String trigger;

    @Column(name = "started_at")
    Long startedAt;

    @Column(name = "workflow_name", length = 150, nullable = false)
    String workflowName;

    @Column(name = "workflow_version", nullable = false)
    int workflowVersion;

    @Column(name = "instance_id", length = 200, nullable = false)
    String instanceId;

    @Column(name = "instance_key", length = 200)
    String instanceKey;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "input_json")
    String inputJson;

    @Column(name = "output_json")
    String outputJson;

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

    @Column(name = "wake_at")
    Long wakeAt;

    @Column(name = "waiting_for", length = 200)
    String waitingFor;

    @Column(name = "awaited_signal", length = 150)
    String awaitedSignal;

    @Column(name = "paused", nullable = false)
    boolean paused;

    @Column(name = "action_kind", length = 16)
    String actionKind;

    @Column(name = "action_actor", length = 100)
    String actionActor;

    @Column(name = "action_reason", length = 1000)
    String actionReason;

    @Column(name = "action_at")
    Long actionAt;

    @Column(name = "parent_run_id", length = 64)
    String parentRunId;

    @Column(name = "parent_step_key", length = 400)
    String parentStepKey;

    @Column(name = "continued_as", length = 64)
    String continuedAs;

    /** The W3C traceparent of the trace the run was started in (schema version 6). */
    @Column(name = "trace_parent", length = 128)
    public String traceParent;

    /**
     * Makes a new run RUNNING under a lease, before it is inserted.
     *
     * @param owner     the node that holds the lease
     * @param epoch     the lease's epoch
     * @param expiresAt when the lease expires, epoch milliseconds
     */
    public void lease(String owner, long epoch, long expiresAt) {
        status = "RUNNING";
        leaseOwner = owner;
        leaseEpoch = epoch;
        leaseExpiresAt = expiresAt;
    }
}
