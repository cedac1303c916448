package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;
import org.junit.jupiter.api.AfterAll;

class PostgresTrackingStoreContractTest extends JpaTrackingContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return JpaStoreContract.open(Databases.postgresUrl(), "postgres", "");
    }

    @AfterAll
    static void close() {
        JpaStoreContract.close();
    }
}
