package io.durable.cdi.internal.platform;

import io.opentelemetry.api.OpenTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

/**
 * The application's {@code OpenTelemetry}, through an injected {@code Instance}: MicroProfile
 * Telemetry's bean on a server that has it, or one the application produces. Registered as a bean only
 * where the OpenTelemetry API is on the class path ({@link PlatformBeans#optional}).
 */
@ApplicationScoped
public class OpenTelemetryHolder {

    @Inject
    Instance<OpenTelemetry> openTelemetries;

    /** @return the OpenTelemetry, or {@code null} when no bean provides one */
    OpenTelemetry openTelemetry() {
        return openTelemetries.isResolvable() ? openTelemetries.get() : null;
    }
}
