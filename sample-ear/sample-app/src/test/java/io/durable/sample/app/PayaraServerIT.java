package io.durable.sample.app;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

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
            EjbModuleTimers.assertUsed(server.serverLog());
        }
    }
}
