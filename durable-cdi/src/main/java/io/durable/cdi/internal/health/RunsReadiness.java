package io.durable.cdi.internal.health;

import io.durable.api.RunStatus;
import io.durable.cdi.internal.platform.RunVitalsCache;
import io.durable.spi.RunVitals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/**
 * Readiness {@value #NAME}: always UP, with the counts of unfinished runs by status, of stuck runs
 * (leases expired and due runs not claimed for several sweeps, runs failing their recovery) and of
 * BLOCKED (poison) runs as data, and {@code stuck: true} when any run is stuck. Stuck runs are the
 * whole cluster's, not this node's fault: taking this node out of a load balancer would not free them
 * and would only take capacity away. Alert on them through the gauges ({@code durable_runs_stuck}) or
 * this check's data instead.
 */
@Readiness
@ApplicationScoped
public class RunsReadiness implements HealthCheck {

    static final String NAME = "durable-runs";
    /** How long a probe waits for counts it asked for; otherwise it reports the latest. */
    private static final Duration WAIT = Duration.ofSeconds(1);

    @Inject
    RunVitalsCache vitals;

    @Override
    public HealthCheckResponse call() {
        Report report = new Report(NAME);
        Optional<RunVitalsCache.Measured> latest = vitals.latest(WAIT);
        if (latest.isEmpty()) {
            return report.with("measured", false).up();
        }
        RunVitalsCache.Measured measured = latest.get();
        RunVitals counts = measured.vitals();
        for (RunStatus status : counts.byStatus().keySet()) {
            report.with(status.name().toLowerCase(Locale.ROOT), counts.count(status));
        }
        return report.with("expiredLeases", counts.expiredLeases())
                .with("overdue", counts.overdue())
                .with("recovering", counts.recovering())
                .with("stuck", counts.expiredLeases() + counts.overdue() + counts.recovering() > 0)
                .with("stuckAfterSeconds", measured.stuckAfter().toSeconds())
                .with("countedUpTo", counts.cap())
                .with("measuredAt", measured.measuredAt())
                .with("oldestDue", counts.oldestDue())
                .up();
    }
}
