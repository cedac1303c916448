package io.durable.cdi.internal.health;

import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.cdi.internal.platform.StoreProbe;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness {@value #NAME}: UP while the engine runs and its database answers a cheap statement within
 * {@link StoreProbe#TIMEOUT}, DOWN otherwise, with the reason (never SQL or data). A node whose
 * database is gone can start no run and journal no step: a load balancer should send it no requests.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    static final String NAME = "durable-store";

    @Inject
    Dispatcher dispatcher;

    @Inject
    StoreProbe probe;

    @Override
    public HealthCheckResponse call() {
        Report report = new Report(NAME);
        if (!dispatcher.running()) {
            return report.down("the engine is not running");
        }
        StoreProbe.Result result = probe.check();
        report.with("responseMillis", result.took().toMillis());
        return result.up() ? report.up() : report.down(result.problem());
    }
}
