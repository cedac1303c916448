package io.durable.sample.sync;

import io.durable.jpa.HashedUpserts;
import io.durable.sync.SyncContext;
import io.durable.sync.UpsertResult;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Writes one page of customers with upsert-with-hash. It runs inside the page's transactional step,
 * so the rows, the page log, the counters and the journal entry commit together.
 */
@ApplicationScoped
public class CustomerImport {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    /**
     * Imports a page.
     *
     * @param items the customers
     * @param sync  the sync, for its counters
     */
    public void importPage(List<Customer> items, SyncContext sync) {
        for (Customer customer : items) {
            UpsertResult result = HashedUpserts.upsertWithHash(em, SyncedCustomer.class, "externalId", customer.id(),
                    customer, SyncedCustomer::new, entity -> entity.copy(customer));
            sync.count(result);
        }
        em.persist(new PageLog(sync.runId(), items.isEmpty() ? "-" : items.get(0).id(), items.size()));
    }
}
