package io.durable.cdi.internal.health;

import io.durable.api.RunStatus;
import io.durable.cdi.internal.platform.RunVitalsCache;
import io.durable.spi.RunVitals;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
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
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        Optional<RunVitalsCache.Measured> latest = vitals.latest(WAIT);
        if (latest.isEmpty()) {
            return response.withData("measured", false).build();
        }
        RunVitalsCache.Measured measured = latest.get();
        RunVitals counts = measured.vitals();
        for (RunStatus status : counts.byStatus().keySet()) {
            response.withData(status.name().toLowerCase(Locale.ROOT), counts.count(status));
        }
        response.withData("expiredLeases", counts.expiredLeases())
                .withData("overdue", counts.overdue())
                .withData("recovering", counts.recovering())
                .withData("stuck", counts.expiredLeases() + counts.overdue() + counts.recovering() > 0)
                .withData("stuckAfterSeconds", measured.stuckAfter().toSeconds())
                .withData("countedUpTo", counts.cap())
                .withData("measuredAt", measured.measuredAt().toString());
        if (counts.oldestDue() != null) {
            response.withData("oldestDue", counts.oldestDue().toString());
        }
        return response.build();
    }
}
