package io.durable.sample.sync;

import io.durable.sync.ContentHashed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A customer imported from the CRM, with the content hash of the record it was last written from. */
@Entity
@Table(name = "sample_synced_customer")
public class SyncedCustomer implements ContentHashed {

    @Id
    @Column(length = 36)
    public String id = UUID.randomUUID().toString();

    @Column(name = "external_id", length = 64, nullable = false, unique = true)
    public String externalId;

    @Column(name = "name", length = 200)
    public String name;

    @Column(name = "email", length = 200)
    public String email;

    @Column(name = "country", length = 2)
    public String country;

    @Column(name = "balance_cents")
    public long balanceCents;

    @Column(name = "content_hash", length = 64)
    public String contentHash;

    /** Copies a CRM record's fields. */
    void copy(Customer customer) {
        externalId = customer.id();
        name = customer.name();
        email = customer.email();
        country = customer.country();
        balanceCents = customer.balanceCents();
    }

    @Override
    public String getContentHash() {
        return contentHash;
    }

    @Override
    public void setContentHash(String hash) {
        contentHash = hash;
    }
}
