package io.durable.cdi.internal.access;

import java.util.List;

/**
 * The beans this package contributes (the callers' resolver, and Jakarta Security's persons where the
 * server has it), for the extension to register.
 */
public final class AccessBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(Callers.class);

    private static final String SECURITY_API = "jakarta.security.enterprise.SecurityContext";

    private AccessBeans() {
    }

    /**
     * The bean classes that need an optional API: the persons of Jakarta Security where its API is on
     * the class path (Java SE without it has no persons). Looked up by name, so nothing here loads a
     * Jakarta Security type otherwise.
     *
     * @return the classes to register as well
     */
    public static List<Class<?>> optional() {
        try {
            Class.forName(SECURITY_API, false, AccessBeans.class.getClassLoader());
            return List.of(Class.forName(AccessBeans.class.getPackageName() + ".JakartaSecurityPersons", false,
                    AccessBeans.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError e) {
            return List.of();
        }
    }
}
