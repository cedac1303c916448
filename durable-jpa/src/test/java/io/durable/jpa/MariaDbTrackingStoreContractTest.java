package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;
import org.junit.jupiter.api.AfterAll;

class MariaDbTrackingStoreContractTest extends JpaTrackingContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return JpaStoreContract.open(Databases.mariadbUrl(), "root", "");
    }

    @AfterAll
    static void close() {
        JpaStoreContract.close();
    }
}
