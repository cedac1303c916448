package io.durable.jpa.internal;

import io.durable.jpa.JtaTrackingStore;
import io.durable.jpa.JtaWorkflowStore;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Registers the JTA stores (workflows, tracking) as beans, whatever the application's bean-discovery settings: the jar has
 * no {@code beans.xml}, so nothing else in it becomes a bean.
 */
public class DurableJpaExtension implements Extension {

    void registerStore(@Observes BeforeBeanDiscovery event, BeanManager beanManager) {
        event.addAnnotatedType(beanManager.createAnnotatedType(JtaWorkflowStore.class),
                DurableJpaExtension.class.getName() + ".JtaWorkflowStore");
        event.addAnnotatedType(beanManager.createAnnotatedType(JtaTrackingStore.class),
                DurableJpaExtension.class.getName() + ".JtaTrackingStore");
    }
}
