package io.durable.sync;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The upsert-with-hash pattern over any storage: insert when absent, update when the content hash
 * differs, leave alone when it is equal. {@code io.durable.jpa.HashedUpserts} applies it to JPA
 * entities.
 */
public final class Upserts {

    private Upserts() {
    }

    /**
     * Decides what to do from the stored hash.
     *
     * @param existingHash the stored record's hash, or {@code null} when there is no record
     * @param newHash      the new content's hash
     * @param exists       whether a record exists
     * @return CREATED, UPDATED or UNCHANGED
     */
    public static UpsertResult determineAction(boolean exists, String existingHash, String newHash) {
        if (!exists) {
            return UpsertResult.CREATED;
        }
        return Objects.equals(existingHash, newHash) ? UpsertResult.UNCHANGED : UpsertResult.UPDATED;
    }

    /**
     * Finds the existing record, then inserts, updates or does nothing.
     *
     * @param newHash      the new content's hash
     * @param findExisting finds the stored record by its natural key
     * @param hashOf       the stored record's hash
     * @param insert       inserts the new content (with {@code newHash})
     * @param update       updates the stored record to the new content (with {@code newHash})
     * @param <E>          the stored record's type
     * @return what was done
     */
    public static <E> UpsertResult withHash(String newHash, Supplier<Optional<E>> findExisting, Function<E, String> hashOf,
                                            Runnable insert, Consumer<E> update) {
        Optional<E> existing = findExisting.get();
        UpsertResult result = determineAction(existing.isPresent(), existing.map(hashOf).orElse(null), newHash);
        switch (result) {
            case CREATED -> insert.run();
            case UPDATED -> update.accept(existing.orElseThrow());
            case UNCHANGED -> {
                // equal content: no write
            }
        }
        return result;
    }
}
