package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** An entity a step touched, referring to its step by run and step key. */
@Entity
@Table(name = "durable_step_link", indexes = @Index(name = "durable_step_link_step_ix", columnList = "run_id, step_key, seq"))
public class StepLinkEntity {

    @Id
    @Column(name = "id", length = 64)
    String id;

    @Column(name = "run_id", length = 64, nullable = false)
    String runId;

    @Column(name = "step_key", length = 400, nullable = false)
    String stepKey;

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
