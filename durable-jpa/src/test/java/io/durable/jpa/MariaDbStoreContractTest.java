package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;

class MariaDbStoreContractTest extends JpaStoreContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return open(Databases.mariadbUrl(), "root", "");
    }
}
