package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A tracked step (a durable step's row carries its progress and calls; its status is the journal's). */
@Entity
@Table(name = "durable_track_step", indexes = @Index(name = "durable_track_step_run_ix", columnList = "run_id, created_at"))
public class TrackStepEntity {

    @Id
    @Column(name = "id", length = 450)
    String id;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "owner_id", length = 200, nullable = false)
    String owner;

    @Column(name = "parent_step_id", length = 450)
    String parentStepId;

    @Column(name = "step_type", length = 200, nullable = false)
    String stepType;

    @Column(name = "status", length = 16, nullable = false)
    String status;

    @Column(name = "items_total", nullable = false)
    long itemsTotal;

    @Column(name = "items_processed", nullable = false)
    long itemsProcessed;

    @Column(name = "items_succeeded", nullable = false)
    long itemsSucceeded;

    @Column(name = "items_failed", nullable = false)
    long itemsFailed;

    @Lob
    @Column(name = "input_json")
    String inputJson;

    @Lob
    @Column(name = "output_json")
    String outputJson;

    @Lob
    @Column(name = "error")
    String error;

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "started_at")
    Long startedAt;

    @Column(name = "finished_at")
    Long finishedAt;

    @Column(name = "durable", nullable = false)
    boolean durable;
}
