package io.durable.bench;

import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;

/** Puts the resource-local JPA store (on the database the benchmark names) in place of the JTA one. */
@ApplicationScoped
@Alternative
@Priority(1000)
public class BenchStore {

    static volatile ResourceLocalJpa jpa;

    /**
     * The unit the next container's store uses (for benchmarks outside this package).
     *
     * @param unit the open unit
     */
    public static void use(ResourceLocalJpa unit) {
        jpa = unit;
    }

    @Produces
    @Alternative
    @Priority(1000)
    WorkflowStore store() {
        return jpa.store();
    }

    @Produces
    @Alternative
    @Priority(1000)
    TransactionRunner transactions() {
        return jpa;
    }
}
