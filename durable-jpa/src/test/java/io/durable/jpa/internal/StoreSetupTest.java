package io.durable.jpa.internal;

import io.durable.jpa.JtaWorkflowStore;
import io.durable.jpa.StoreSetupException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StoreSetupTest {

    @Test
    void a_store_without_its_persistence_context_says_what_to_add() {
        StoreSetupException e = assertThrows(StoreSetupException.class,
                () -> ContainerPersistence.required(null, JtaWorkflowStore.class));
        assertTrue(e.getMessage().contains("No persistence context of unit 'durable' was injected into JtaWorkflowStore"),
                e.getMessage());
        assertTrue(e.getMessage().contains("java:app/jdbc/durable"), e.getMessage());
    }

    @Test
    void opening_the_store_without_its_datasource_fails_with_what_to_define() {
        StoreSetupException e = assertThrows(StoreSetupException.class, SchemaBootstrap::prepare);
        assertTrue(e.getMessage().startsWith("No data source at java:app/jdbc/durable for the engine's store"), e.getMessage());
        assertTrue(e.getMessage().contains("@DataSourceDefinition(name = \"java:app/jdbc/durable\""), e.getMessage());
    }
}
