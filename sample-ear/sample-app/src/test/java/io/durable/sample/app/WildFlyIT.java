package io.durable.sample.app;

import io.durable.sample.portable.PortableSuite;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

/**
 * The sample EAR on a real WildFly (Jakarta EE 10 with Hibernate as the JPA provider, where every
 * other server under test has EclipseLink) passes the {@link PortableSuite}, and the engine in
 * {@code lib/} uses the EJB module's persistent timers, which WildFly keeps in a file store.
 */
class WildFlyIT {

    @Test
    void the_ear_passes_the_portable_suite() throws Exception {
        Path home = Distribution.home("wildfly.home", "bin/standalone.sh", "-Dwildfly.skip=true");
        try (WildFlyServer server = new WildFlyServer("WildFly " + System.getProperty("wildfly.version"), home,
                Path.of(System.getProperty("wildfly.work")), Path.of(System.getProperty("sample.ear")))) {
            PortableSuite.run(server);
            EjbModuleTimers.assertUsed(server.serverLog());
        }
    }
}
