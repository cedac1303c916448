package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;

class H2StoreContractTest extends JpaStoreContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return open("jdbc:h2:mem:durable-contract;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
