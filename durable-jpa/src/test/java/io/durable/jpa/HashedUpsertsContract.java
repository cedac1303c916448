package io.durable.jpa;

import io.durable.sync.UnhashableRecordException;
import io.durable.sync.UpsertResult;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.Persistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Map;
import java.util.function.Function;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Upsert-with-hash against a real database; one subclass per database. */
abstract class HashedUpsertsContract {

    /** What a third-party API sends. */
    public record ApiItem(String id, String name, BigDecimal amount) {
    }

    private EntityManagerFactory factory;

    protected abstract String url();

    protected abstract String user();

    @BeforeEach
    void open() {
        factory = Persistence.createEntityManagerFactory("upsert-test", Map.of(
                "jakarta.persistence.jdbc.url", url(), "jakarta.persistence.jdbc.user", user(),
                "jakarta.persistence.jdbc.password", ""));
    }

    @AfterEach
    void close() {
        factory.close();
    }

    private <T> T inTransaction(Function<EntityManager, T> work) {
        EntityManager em = factory.createEntityManager();
        try {
            em.getTransaction().begin();
            T result = work.apply(em);
            em.getTransaction().commit();
            return result;
        } finally {
            if (em.getTransaction().isActive()) {
                em.getTransaction().rollback();
            }
            em.close();
        }
    }

    private UpsertResult upsert(ApiItem item) {
        return inTransaction(em -> HashedUpserts.upsertWithHash(em, SyncedItem.class, "externalId", item.id(), item,
                SyncedItem::new, e -> {
                    e.externalId = item.id();
                    e.name = item.name();
                    e.amount = item.amount();
                }));
    }

    private SyncedItem stored(String externalId) {
        return inTransaction(em -> HashedUpserts.find(em, SyncedItem.class, "externalId", externalId).orElseThrow());
    }

    @Test
    void insertsThenLeavesAloneThenUpdates() {
        ApiItem item = new ApiItem("ext-1", "Widget", new BigDecimal("9.50"));
        assertEquals(UpsertResult.CREATED, upsert(item));
        SyncedItem created = stored("ext-1");
        assertEquals("Widget", created.name);
        assertEquals(64, created.contentHash.length());

        assertEquals(UpsertResult.UNCHANGED, upsert(new ApiItem("ext-1", "Widget", new BigDecimal("9.5"))));
        assertEquals(created.contentHash, stored("ext-1").contentHash);

        assertEquals(UpsertResult.UPDATED, upsert(new ApiItem("ext-1", "Widget XL", new BigDecimal("9.50"))));
        SyncedItem updated = stored("ext-1");
        assertEquals("Widget XL", updated.name);
        assertEquals(created.id, updated.id);
        assertNotEquals(created.contentHash, updated.contentHash);
        assertEquals(1L, (long) inTransaction(em -> em.createQuery("SELECT COUNT(i) FROM SyncedItem i WHERE i.externalId = 'ext-1'",
                Long.class).getSingleResult()));
    }

    @Test
    void anUnhashableRecordNamesItsTypeAndKeyAndWritesNothing() {
        ApiItem bad = new ApiItem("ext-bad", "Huge", new BigDecimal("1e400"));
        UnhashableRecordException e = assertThrows(UnhashableRecordException.class, () -> upsert(bad));
        assertTrue(e.getMessage().contains("SyncedItem externalId=ext-bad"), e.getMessage());
        assertEquals(0L, (long) inTransaction(em -> em.createQuery(
                "SELECT COUNT(i) FROM SyncedItem i WHERE i.externalId = 'ext-bad'", Long.class).getSingleResult()));
    }
}
