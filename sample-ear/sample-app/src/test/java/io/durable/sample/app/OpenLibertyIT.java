package io.durable.sample.app;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The sample EAR on a real Open Liberty (Jakarta EE 10 and MicroProfile 6.1 from the runtime zip on Maven
 * Central; engine jars and H2 in the EAR's {@code lib/}, the EJB timers as an EJB module whose persistent
 * timers Liberty keeps in Derby) passes the {@link PortableSuite}, and the engine in {@code lib/} uses the
 * EJB module's persistent timers.
 */
class OpenLibertyIT {

    @Test
    void the_ear_passes_the_portable_suite() throws Exception {
        Path home = Distribution.home("liberty.home", "bin/server", "-Dliberty.skip=true");
        try (LibertyServer server = new LibertyServer("Open Liberty " + System.getProperty("liberty.version"), home,
                Path.of(System.getProperty("liberty.work")), Path.of(System.getProperty("liberty.lib")),
                Path.of(System.getProperty("sample.ear")))) {
            PortableSuite.run(server);
            EjbModuleTimers.assertUsed(server.messages(), "the test server's logs/messages*.log");
        }
    }
}
