package io.durable.jpa.internal;

import io.durable.jpa.JtaWorkflowStore;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;

import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * Where the server injected no persistence context (Open Liberty, a store in an EAR's lib/), the store
 * uses the one the application declared under {@link ContainerPersistence#DECLARED}; an injected one wins.
 */
class DeclaredPersistenceContextTest {

    static final EntityManager DECLARED = entityManager();

    @AfterEach
    void noNaming() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Test
    void without_an_injected_one_the_declared_persistence_context_is_used() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Declaring.class.getName());

        assertSame(DECLARED, ContainerPersistence.required(null, JtaWorkflowStore.class));
    }

    @Test
    void an_injected_persistence_context_wins() {
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Declaring.class.getName());
        EntityManager injected = entityManager();

        assertSame(injected, ContainerPersistence.required(injected, JtaWorkflowStore.class));
    }

    private static EntityManager entityManager() {
        return (EntityManager) Proxy.newProxyInstance(EntityManager.class.getClassLoader(),
                new Class<?>[] {EntityManager.class}, (proxy, method, args) -> {
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    /** A naming context holding only the declared persistence context. */
    public static class Declaring implements InitialContextFactory {

        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, args) -> {
                        if (method.getName().equals("lookup") && ContainerPersistence.DECLARED.equals(String.valueOf(args[0]))) {
                            return DECLARED;
                        }
                        if (method.getName().equals("close")) {
                            return null;
                        }
                        throw new NameNotFoundException(String.valueOf(args == null ? method.getName() : args[0]));
                    });
        }
    }
}
