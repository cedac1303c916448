package io.durable.sync;

/**
 * An entity that keeps the content hash of the record it was last written from, for
 * upsert-with-hash ({@code io.durable.jpa.HashedUpserts}).
 */
public interface ContentHashed {

    /**
     * The stored hash.
     *
     * @return 64 hex digits, or {@code null} before the first write
     */
    String getContentHash();

    /**
     * Stores the hash.
     *
     * @param hash 64 hex digits
     */
    void setContentHash(String hash);
}
