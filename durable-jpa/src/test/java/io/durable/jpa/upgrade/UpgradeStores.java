package io.durable.jpa.upgrade;

import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.TrackingStore;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** Puts the resource-local JPA store on the test's database in place of the JTA one. */
@ApplicationScoped
@Alternative
@Priority(1000)
public class UpgradeStores {

    public static volatile ResourceLocalJpa jpa;

    @Produces
    @Alternative
    @Priority(1000)
    WorkflowStore store() {
        return jpa.store();
    }

    @Produces
    @Alternative
    @Priority(1000)
    TrackingStore trackingStore() {
        return jpa.trackingStore();
    }

    @Produces
    @Alternative
    @Priority(1000)
    TransactionRunner transactions() {
        return jpa;
    }
}
