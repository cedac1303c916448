package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.TrackingStore;
import io.durable.spi.TrackingStoreContractTest;
import io.durable.spi.WorkflowStore;

/** Runs the tracking store contract on one database; one subclass per database. */
abstract class JpaTrackingContract extends TrackingStoreContractTest {

    /**
     * The unit on the database (shared with the workflow store contract of the same JVM).
     *
     * @return the open unit
     */
    protected abstract ResourceLocalJpa jpa();

    @Override
    protected TrackingStore store() {
        return jpa().trackingStore();
    }

    @Override
    protected WorkflowStore workflows() {
        return jpa().store();
    }
}
