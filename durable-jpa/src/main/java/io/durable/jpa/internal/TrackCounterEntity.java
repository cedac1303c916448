package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** One output counter of a tracked run; its id is {@code RUN_ID|NAME}. */
@Entity
@Table(name = "durable_track_counter", indexes = @Index(name = "durable_track_counter_run_ix", columnList = "run_id"))
public class TrackCounterEntity {

    @Id
    @Column(name = "id", length = 170)
    String id;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "name", length = 100, nullable = false)
    String name;

    @Column(name = "counter_value", nullable = false)
    long value;
}
