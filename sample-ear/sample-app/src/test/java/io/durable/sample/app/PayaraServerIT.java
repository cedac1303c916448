package io.durable.sample.app;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample EAR on a real Payara Server 6 (engine jars in {@code lib/}, the EJB timers as an EJB
 * module, the REST API in the WAR) passes the {@link PortableSuite}; the run asleep across the
 * {@code kill -9} wakes on the EJB timer Payara Server kept in its database or, at the latest, on the
 * next sweep.
 */
class PayaraServerIT {

    @Test
    void the_ear_passes_the_portable_suite() throws Exception {
        Path home = Distribution.home("payara.server.home", "bin/asadmin", "-Dpayara.server.skip=true");
        try (AsadminDomain server = new AsadminDomain("Payara Server " + System.getProperty("payara.version"), home,
                Path.of(System.getProperty("payara.server.work")), Path.of(System.getProperty("sample.ear")))) {
            PortableSuite.run(server);
            String log = Files.readString(server.serverLog());
            assertTrue(log.contains("persistent wake-up timers"), "the engine in lib/ does not use the EJB module's timers");
            assertTrue(log.contains("Re-armed "), "the timers were not re-armed at start-up");
            assertFalse(log.contains("Could not re-arm") || log.contains("Could not arm a persistent timer"),
                    "a timer was refused: see " + server.serverLog());
        }
    }
}
