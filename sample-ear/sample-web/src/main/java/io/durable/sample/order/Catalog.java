package io.durable.sample.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/** Seeds the products once: plenty of widgets, a single rare gadget (to see a reservation fail). */
@ApplicationScoped
public class Catalog {

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @Transactional
    void seed(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (em.find(Product.class, "widget") == null) {
            em.persist(new Product("widget", 1_000_000));
        }
        if (em.find(Product.class, "gadget") == null) {
            em.persist(new Product("gadget", 1));
        }
    }
}
