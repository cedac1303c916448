package io.durable.cdi.internal.platform;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.naming.NoInitialContextException;

/**
 * Whether a module of the application (a web or EJB module) is current on this thread, so that its
 * naming environment, and with it the persistence context injected into the engine's store, is there.
 * In a WAR it always is. In an EAR, Payara Server and GlassFish fire the application's start-up event
 * outside every module, so a library in {@code lib/} has no datasource and no persistence context
 * there: the engine then starts with the EAR's web module (see docs/decisions.md, "Servers and
 * packaging" and "GlassFish 7").
 */
public final class ModuleEnvironment {

    /**
     * The current module's name, which Jakarta EE binds in every module (EE.5.15) and nowhere else.
     * {@code java:comp/env} is no such probe: GlassFish resolves it outside every module too, and
     * {@code java:app/AppName} resolves there on both servers.
     */
    static final String PROBE = "java:module/ModuleName";

    private ModuleEnvironment() {
    }

    /** The application's name, bound in every module of it: the module's name in a WAR of its own. */
    static final String APPLICATION = "java:app/AppName";

    /**
     * True in a module of an EAR: there the application's name and the module's differ, while a WAR
     * deployed on its own is one module named as the application. False outside every module, in a
     * WAR on its own, and in Java SE.
     */
    public static boolean inEar() {
        try {
            InitialContext naming = new InitialContext();
            return !naming.lookup(APPLICATION).equals(naming.lookup(PROBE));
        } catch (NamingException | RuntimeException noModule) {
            return false;
        }
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
