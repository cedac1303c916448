package io.durable.sample;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample WAR on a real Payara Micro process passes the {@link PortableSuite}, on the persistent
 * EJB timers of {@code durable-ejb-timers}: each start re-arms them from the database (Payara Micro
 * keeps them in its data grid, which a {@code kill -9} of a lone member loses), and no timer is
 * refused (issue 13 item 2: every timer creation failed with EJB5117 without a transaction), and the
 * engine's metrics show on {@code /metrics} in seconds.
 */
class PayaraMicroIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void the_war_passes_the_portable_suite() throws Exception {
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, List.of())) {
            PortableSuite.run(server);
            theEnginePublishesItsMetricsInSeconds(new Http(server.api()), new Http(server.api().replace("sample-web/api/", "")));

            for (int start = 1; start <= 2; start++) {
                String log = server.log(start);
                assertTrue(log.contains("persistent wake-up timers"), "start " + start + " used in-memory timers");
                assertTrue(log.contains("Re-armed "), "start " + start + " did not re-arm the timers");
                assertFalse(log.contains("EJB5117") || log.contains("Could not arm a persistent timer")
                        || log.contains("Could not re-arm"), "start " + start + " refused a timer: see " + folder);
            }
        }
    }

    /** An order run shows on Payara Micro's {@code /metrics} (MicroProfile Metrics is there), its steps in seconds. */
    private static void theEnginePublishesItsMetricsInSeconds(Http api, Http root) {
        // the suite's orders ran before the restart, which began the metrics anew
        Http.Answer started = api.post("orders", Http.order("metrics-1", "widget", 1));
        assertEquals(201, started.status(), started.body());
        assertEquals("COMPLETED", api.awaitFinished(started.object().getString("runId")).getString("status"));

        String metrics = root.get("metrics").body();

        assertTrue(metrics.contains("durable_runs_started_total{mp_scope=\"application\",workflow=\"order\"}"), metrics);
        assertTrue(metrics.contains("durable_runs_completed_total"), metrics);
        assertTrue(metrics.contains("durable_step_duration"), metrics);
        // in seconds, as the name says: Payara printed a timer registered without a unit in nanoseconds (a
        // step of a millisecond as 1000000); no step of this order takes anywhere near 10 s
        List<String> slowest = metrics.lines()
                .filter(line -> line.startsWith("durable_step_duration_seconds_max{") && line.contains("workflow=\"order\""))
                .toList();
        assertEquals(1, slowest.size(), metrics);
        double max = Double.parseDouble(slowest.get(0).substring(slowest.get(0).lastIndexOf(' ') + 1));
        assertTrue(max > 0 && max < 10, "the slowest step in seconds: " + slowest.get(0));
    }
}
