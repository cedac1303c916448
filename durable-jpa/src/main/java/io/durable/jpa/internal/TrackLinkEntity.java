package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An entity a tracked step touched. */
@Entity
@Table(name = "durable_track_link", indexes = @Index(name = "durable_track_link_step_ix", columnList = "step_id, seq"))
public class TrackLinkEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "step_id", length = 450, nullable = false)
    String stepId;

    @Column(name = "seq", nullable = false)
    long sequence;

    @Column(name = "link_type", length = 50, nullable = false)
    String linkType;

    @Column(name = "entity_type", length = 100, nullable = false)
    String entityType;

    @Column(name = "entity_id", length = 200, nullable = false)
    String entityId;

    @Column(name = "external_id", length = 200)
    String externalId;
}
