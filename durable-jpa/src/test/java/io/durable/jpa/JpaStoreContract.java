package io.durable.jpa;

import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.WorkflowStore;
import io.durable.spi.WorkflowStoreContractTest;
import org.junit.jupiter.api.AfterAll;

import java.util.Map;

/** Runs the store contract on one database; one subclass per database. */
abstract class JpaStoreContract extends WorkflowStoreContractTest {

    private static ResourceLocalJpa jpa;
    private static String openedUrl;

    protected static synchronized ResourceLocalJpa open(String url, String user, String password) {
        return open(url, user, password, Map.of());
    }

    /** @param properties more persistence properties, such as the JPA provider */
    protected static synchronized ResourceLocalJpa open(String url, String user, String password, Map<String, ?> properties) {
        String key = url + " " + properties;
        if (jpa == null || !key.equals(openedUrl)) {
            if (jpa != null) {
                jpa.close();
            }
            Databases.dropTables(url, user, password);
            jpa = ResourceLocalJpa.open(url, user, password, properties);
            openedUrl = key;
        }
        return jpa;
    }

    protected abstract ResourceLocalJpa jpa();

    @Override
    protected WorkflowStore store() {
        return jpa().store();
    }

    @AfterAll
    static synchronized void close() {
        if (jpa != null) {
            jpa.close();
            jpa = null;
            openedUrl = null;
        }
    }
}
