package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;

class PostgresStoreContractTest extends JpaStoreContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return open(Databases.postgresUrl(), "postgres", "");
    }
}
