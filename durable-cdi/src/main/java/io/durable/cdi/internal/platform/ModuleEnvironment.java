package io.durable.cdi.internal.platform;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Whether the application's naming environment ({@code java:app}, {@code java:comp}) resolves on the
 * current thread. In a WAR it always does. In an EAR, Payara Server and GlassFish fire the
 * application's start-up event outside every module, so a library in {@code lib/} has no datasource,
 * no persistence context and no managed threads there: the engine then starts on the next start-up
 * event, which a web module fires in its own environment (see docs/decisions.md, "An engine in an
 * EAR's lib/").
 */
public final class ModuleEnvironment {

    /** A module's own naming context: it resolves only where a component of the application is current. */
    static final String PROBE = "java:comp/env";

    private ModuleEnvironment() {
    }

    /** True in a module's environment, and in Java SE (no naming at all: nothing to wait for). */
    public static boolean present() {
        try {
            new InitialContext().lookup(PROBE);
            return true;
        } catch (NoInitialContextException javaSe) {
            return true;
        } catch (NamingException | RuntimeException outsideEveryModule) {
            return false;
        }
    }
}
