package io.durable.jpa.internal;

import io.durable.jpa.StoreSetupException;
import jakarta.persistence.EntityManager;

import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The persistence context of unit {@code durable} for a store: the one the server injected or, where it
 * injected none, the one the application declared under {@link #DECLARED}. Open Liberty processes no
 * injection annotations of an EAR's {@code lib/} jars (its reference contexts hold only the modules'
 * classes), so there the store's field stays {@code null} and the EAR's web module declares the reference
 * instead, application-wide (see docs/decisions.md, "Open Liberty"). A server that does neither fails
 * here with what to add, instead of with a {@code NullPointerException} in every call.
 */
public final class ContainerPersistence {

    /**
     * Where an application declares the engine's persistence context when its server does not inject it:
     * {@code @PersistenceContext(name = "java:app/durable/entityManager", unitName = "durable")} on a class
     * of the web module.
     */
    public static final String DECLARED = "java:app/durable/entityManager";

    private ContainerPersistence() {
    }

    /**
     * Returns the injected entity manager, else the declared one, or fails with what to add.
     *
     * @throws StoreSetupException when neither is there
     */
    public static EntityManager required(EntityManager injected, Class<?> store) {
        if (injected != null) {
            return injected;
        }
        EntityManager declared = declared();
        if (declared != null) {
            return declared;
        }
        throw new StoreSetupException("No persistence context of unit 'durable' was injected into "
                + store.getSimpleName() + ". Put durable-jpa (with its META-INF/persistence.xml) in WEB-INF/lib"
                + " of the WAR, or in lib/ of an EAR that has a web module, and define the datasource"
                + " java:app/jdbc/durable (for example with @DataSourceDefinition); on a server that injects"
                + " nothing into an EAR's lib/ (Open Liberty) also declare @PersistenceContext(name = \"" + DECLARED
                + "\", unitName = \"durable\") on a class of the web module; see the README,"
                + " \"What a WAR or an EAR contains\".", null);
    }

    private static EntityManager declared() {
        try {
            return new InitialContext().lookup(DECLARED) instanceof EntityManager manager ? manager : null;
        } catch (NamingException | RuntimeException notDeclared) {
            return null;
        }
    }
}
