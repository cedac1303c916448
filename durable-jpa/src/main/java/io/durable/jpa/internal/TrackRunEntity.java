package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;

/** A tracked run; its counters are rows of {@link TrackCounterEntity}. */
@Entity
@Table(name = "durable_track_run", indexes = @Index(name = "durable_track_run_owner_ix",
        columnList = "owner_id, run_type, created_at"))
public class TrackRunEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "run_type", length = 150, nullable = false)
    String runType;

    @Column(name = "run_trigger", length = 100)
    String trigger;

    @Column(name = "owner_id", length = 200, nullable = false)
    String owner;

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

    @Column(name = "created_at", nullable = false)
    long createdAt;

    @Column(name = "started_at")
    Long startedAt;

    @Column(name = "finished_at")
    Long finishedAt;
}
