package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/**
 * A call inside a step (an HTTP request, a query): tracking only, never replayed. It refers to its
 * step by run and step key, so a journaled step's calls need no row of their own for the step; the
 * owner is its run's.
 */
@Entity
@Table(name = "durable_call", indexes = @Index(name = "durable_call_step_ix", columnList = "run_id, step_key, started_at"))
public class CallEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    /** The order of writes: a database sequence numbers each row as it is inserted (never written by JPA). */
    @Column(name = "seq", insertable = false, updatable = false)
    Long seq;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "step_key", length = 400, nullable = false)
    String stepKey;

    @Column(name = "tool", length = 100, nullable = false)
    String tool;

    @Column(name = "operation", length = 200, nullable = false)
    String operation;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "input_json")
    String inputJson;

    @Column(name = "output_json")
    String outputJson;

    @Column(name = "error")
    String error;

    @Column(name = "started_at", nullable = false)
    long startedAt;

    @Column(name = "finished_at")
    Long finishedAt;
}
