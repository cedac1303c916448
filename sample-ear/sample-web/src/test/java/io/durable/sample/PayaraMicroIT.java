package io.durable.sample;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample WAR on a real Payara Micro process passes the {@link PortableSuite}, on the persistent
 * EJB timers of {@code durable-ejb-timers}: each start re-arms them from the database (Payara Micro
 * keeps them in its data grid, which a {@code kill -9} of a lone member loses), and no timer is
 * refused (issue 13 item 2: every timer creation failed with EJB5117 without a transaction).
 */
class PayaraMicroIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void the_war_passes_the_portable_suite() throws Exception {
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, List.of())) {
            PortableSuite.run(server);

            for (int start = 1; start <= 2; start++) {
                String log = server.log(start);
                assertTrue(log.contains("persistent wake-up timers"), "start " + start + " used in-memory timers");
                assertTrue(log.contains("Re-armed "), "start " + start + " did not re-arm the timers");
                assertFalse(log.contains("EJB5117") || log.contains("Could not arm a persistent timer")
                        || log.contains("Could not re-arm"), "start " + start + " refused a timer: see " + folder);
            }
        }
    }
}
