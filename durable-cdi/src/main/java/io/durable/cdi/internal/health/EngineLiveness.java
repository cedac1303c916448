package io.durable.cdi.internal.health;

import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.spi.EngineClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Liveness {@value #NAME}: DOWN when the engine's scheduler, which sweeps for due runs and renews the
 * leases of what this node executes, has stopped, or its last sweep began more than three sweep
 * intervals plus a lease ago (a sweep that hangs on the database, or a scheduler thread that died).
 * Such a node holds leases it no longer renews; a restart is what helps. A sweep that fails because the
 * database is down still counts as a sweep: that is readiness's concern, and a restart would not help.
 * UP while the engine is starting.
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    static final String NAME = "durable-engine";

    @Inject
    Dispatcher dispatcher;

    @Inject
    EngineSettings settings;

    @Inject
    @EngineClock
    Clock clock;

    @Override
    public HealthCheckResponse call() {
        Report report = new Report(NAME);
        Instant lastSweep = dispatcher.lastSweep();
        if (!dispatcher.running() || lastSweep == null) {
            return report.with("state", lastSweep == null ? "starting" : "stopping").up();
        }
        Duration since = Duration.between(lastSweep, clock.instant());
        Duration bound = settings.sweepInterval().multipliedBy(3).plus(settings.leaseDuration());
        report.with("lastSweep", lastSweep).with("sinceLastSweepMillis", since.toMillis())
                .with("boundMillis", bound.toMillis());
        if (!dispatcher.schedulerAlive()) {
            return report.down("the engine's scheduler has stopped");
        }
        if (since.compareTo(bound) > 0) {
            return report.down("no sweep began for " + since.toSeconds() + " s");
        }
        return report.up();
    }
}
