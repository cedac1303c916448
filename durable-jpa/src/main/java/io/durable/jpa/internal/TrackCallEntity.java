package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A tracked call. */
@Entity
@Table(name = "durable_track_call", indexes = @Index(name = "durable_track_call_step_ix", columnList = "step_id, started_at"))
public class TrackCallEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "step_id", length = 450, nullable = false)
    String stepId;

    @Column(name = "owner_id", length = 200, nullable = false)
    String owner;

    @Column(name = "tool", length = 100, nullable = false)
    String tool;

    @Column(name = "operation", length = 200, nullable = false)
    String operation;

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

    @Column(name = "started_at", nullable = false)
    long startedAt;

    @Column(name = "finished_at")
    Long finishedAt;
}
