package io.durable.jpa;

import io.durable.sync.ContentHashed;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;

/** An application entity synced from a third party, keyed by its external id. */
@Entity
@Table(name = "test_synced_item")
public class SyncedItem implements ContentHashed {

    @Id
    @GeneratedValue
    Long id;

    @Column(name = "external_id", length = 64, nullable = false, unique = true)
    String externalId;

    @Column(name = "name", length = 200)
    String name;

    @Column(name = "amount", precision = 19, scale = 4)
    BigDecimal amount;

    @Column(name = "content_hash", length = 64)
    String contentHash;

    @Override
    public String getContentHash() {
        return contentHash;
    }

    @Override
    public void setContentHash(String hash) {
        this.contentHash = hash;
    }
}
