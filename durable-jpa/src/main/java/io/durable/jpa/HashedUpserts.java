package io.durable.jpa;

import io.durable.sync.ContentHash;
import io.durable.sync.ContentHashed;
import io.durable.sync.UpsertResult;
import io.durable.sync.Upserts;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Upsert-with-hash for JPA entities: find the entity by its natural key, insert it when absent,
 * update it when the record's content hash differs from the stored one, leave it alone (no write at
 * all) when equal. Runs in the caller's transaction; give the key column a unique constraint so two
 * concurrent inserts of one key cannot both succeed.
 */
public final class HashedUpserts {

    private HashedUpserts() {
    }

    /**
     * Upserts one record.
     *
     * @param em           the entity manager of the application's persistence unit
     * @param type         the entity class
     * @param keyAttribute the natural key's attribute, for example {@code externalId}
     * @param key          the record's natural key
     * @param record       the incoming record (hashed with {@link ContentHash}; its key is part of it)
     * @param create       makes a new, empty entity
     * @param apply        copies the record's fields onto an entity (new or existing) through the entity's own
     *                     methods or setters: in a server, woven entities see only changes made that way
     * @param <E>          the entity type
     * @return CREATED, UPDATED or UNCHANGED
     * @throws io.durable.sync.UnhashableRecordException when the record cannot be hashed, naming its
     *                                                   type and key
     */
    public static <E extends ContentHashed> UpsertResult upsertWithHash(EntityManager em, Class<E> type,
                                                                        String keyAttribute, Object key, Object record,
                                                                        Supplier<E> create, Consumer<E> apply) {
        String hash = ContentHash.of(type.getSimpleName() + " " + keyAttribute + "=" + key, record);
        return Upserts.withHash(hash, () -> find(em, type, keyAttribute, key), ContentHashed::getContentHash, () -> {
            E entity = create.get();
            apply.accept(entity);
            entity.setContentHash(hash);
            em.persist(entity);
        }, entity -> {
            apply.accept(entity);
            entity.setContentHash(hash);
        });
    }

    /**
     * The entity with a natural key.
     *
     * @param em           the entity manager
     * @param type         the entity class
     * @param keyAttribute the key attribute
     * @param key          the key
     * @param <E>          the entity type
     * @return the entity, when there is one
     * @throws IllegalStateException when several have the key (it is not unique)
     */
    public static <E> Optional<E> find(EntityManager em, Class<E> type, String keyAttribute, Object key) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<E> query = cb.createQuery(type);
        Root<E> root = query.from(type);
        query.select(root).where(cb.equal(root.get(keyAttribute), key));
        List<E> found = em.createQuery(query).setMaxResults(2).getResultList();
        if (found.size() > 1) {
            throw new IllegalStateException(type.getSimpleName() + "." + keyAttribute + " = " + key + " matches several "
                    + "rows; a natural key must be unique");
        }
        return found.stream().findFirst();
    }
}
