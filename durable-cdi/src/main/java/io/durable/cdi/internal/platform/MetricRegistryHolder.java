package io.durable.cdi.internal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The application's MicroProfile Metrics registry, through an injected {@code Instance}: Payara's
 * registry producer reads the injection point's annotations and fails a lookup that has none
 * ({@code BeanManager.createInstance()}).
 * Registered as a bean only where the Metrics API is on the class path ({@link PlatformBeans#optional}).
 */
@ApplicationScoped
public class MetricRegistryHolder {

    @Inject
    Instance<MetricRegistry> registries;

    /** @return the registry, or {@code null} without a Metrics implementation (Java SE) */
    MetricRegistry registry() {
        return registries.isResolvable() ? registries.get() : null;
    }
}
