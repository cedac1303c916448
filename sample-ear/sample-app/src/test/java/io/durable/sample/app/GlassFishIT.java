package io.durable.sample.app;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The sample EAR on a real GlassFish 7 (a Jakarta EE 10 server without MicroProfile Metrics, Fault
 * Tolerance or Health, with Derby and not H2: the EAR's {@code lib/} carries the H2 driver) passes
 * the {@link PortableSuite}, and the engine in {@code lib/} uses the EJB module's persistent timers.
 */
class GlassFishIT {

    @Test
    void the_ear_passes_the_portable_suite() throws Exception {
        Path home = Distribution.home("glassfish.home", "bin/asadmin", "-Dglassfish.skip=true");
        try (AsadminDomain server = new AsadminDomain("GlassFish " + System.getProperty("glassfish.version"), home,
                Path.of(System.getProperty("glassfish.work")), Path.of(System.getProperty("sample.ear")))) {
            PortableSuite.run(server);
            EjbModuleTimers.assertUsed(server.serverLog());
        }
    }
}
