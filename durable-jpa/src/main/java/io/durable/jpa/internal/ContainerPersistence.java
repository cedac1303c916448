package io.durable.jpa.internal;

import io.durable.jpa.StoreSetupException;
import jakarta.persistence.EntityManager;

/**
 * The check that the server injected the persistence context of unit {@code durable} into a store.
 * A server that does not (a library jar whose annotations it did not process, a store created outside
 * every module's environment) leaves the field {@code null}, which would otherwise surface as a
 * {@code NullPointerException} in every call.
 */
public final class ContainerPersistence {

    private ContainerPersistence() {
    }

    /**
     * Returns the entity manager, or fails with what to add.
     *
     * @throws StoreSetupException when it is {@code null}
     */
    public static EntityManager required(EntityManager entityManager, Class<?> store) {
        if (entityManager == null) {
            throw new StoreSetupException("No persistence context of unit 'durable' was injected into "
                    + store.getSimpleName() + ". Put durable-jpa (with its META-INF/persistence.xml) in WEB-INF/lib"
                    + " of the WAR, or in lib/ of an EAR that has a web module, and define the datasource"
                    + " java:app/jdbc/durable (for example with @DataSourceDefinition); see the README,"
                    + " \"What a WAR or an EAR contains\".", null);
        }
        return entityManager;
    }
}
