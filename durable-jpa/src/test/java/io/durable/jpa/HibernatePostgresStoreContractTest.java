package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;

import java.util.Map;

/**
 * The store contract with Hibernate 6.6 (WildFly's JPA provider) instead of EclipseLink, on PostgreSQL: the
 * engine's entity mappings, JPQL and native queries hold on both providers below the server too
 * (issue 13: "EclipseLink and Hibernate both work").
 */
class HibernatePostgresStoreContractTest extends JpaStoreContract {

    @Override
    protected ResourceLocalJpa jpa() {
        return open(Databases.postgresUrl(), "postgres", "",
                Map.of("jakarta.persistence.provider", "org.hibernate.jpa.HibernatePersistenceProvider"));
    }
}
