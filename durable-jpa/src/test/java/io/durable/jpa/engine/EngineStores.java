package io.durable.jpa.engine;

import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.TrackingStore;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * Puts the resource-local JPA store on the test's database in place of the JTA one, and starts the
 * engine on it in Weld SE.
 */
@ApplicationScoped
@Alternative
@Priority(1000)
public class EngineStores {

    public static volatile ResourceLocalJpa jpa;

    /**
     * Starts the engine on a database with the given beans (workflows, steps, an owner).
     *
     * @param database the open unit
     * @param beans    the application's bean classes
     * @return the container; close it to stop the engine
     */
    public static WeldContainer start(ResourceLocalJpa database, Class<?>... beans) {
        jpa = database;
        return new Weld().disableDiscovery().addExtension(new DurableExtension()).addBeanClass(EngineStores.class)
                .addBeanClasses(beans).initialize();
    }

    @Produces
    @Alternative
    @Priority(1000)
    WorkflowStore store() {
        return jpa.store();
    }

    @Produces
    @Alternative
    @Priority(1000)
    TrackingStore trackingStore() {
        return jpa.trackingStore();
    }

    @Produces
    @Alternative
    @Priority(1000)
    TransactionRunner transactions() {
        return jpa;
    }
}
