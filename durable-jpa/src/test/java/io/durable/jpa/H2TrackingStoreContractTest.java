package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;
import org.junit.jupiter.api.AfterAll;

class H2TrackingStoreContractTest extends JpaTrackingContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return JpaStoreContract.open("jdbc:h2:mem:durable-contract;DB_CLOSE_DELAY=-1", "sa", "");
    }

    @AfterAll
    static void close() {
        JpaStoreContract.close();
    }
}
