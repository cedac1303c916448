package io.durable.jpa.internal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A resource lock. */
@Entity
@Table(name = "durable_lock")
public class LockEntity {

    @Id
    @Column(name = "resource", length = 420)
    String resource;

    @Column(name = "holder", length = 200, nullable = false)
    String holder;

    @Column(name = "acquired_at", nullable = false)
    long acquiredAt;

    @Column(name = "expires_at", nullable = false)
    long expiresAt;
}
