package io.durable.cdi.internal.health;

import java.util.ArrayList;
import java.util.List;

/**
 * The health checks, for the extension to register where MicroProfile Health is on the class path: a
 * bean class that implements {@code HealthCheck} fails the deployment where the API is missing
 * (GlassFish), so the classes are looked up by name and only then.
 */
public final class HealthBeans {

    private static final String API = "org.eclipse.microprofile.health.HealthCheck";
    private static final List<String> CHECKS = List.of("StoreReadiness", "RunsReadiness", "EngineLiveness");

    private HealthBeans() {
    }

    static boolean apiPresent() {
        try {
            Class.forName(API, false, HealthBeans.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The health check classes to register, or none without the Health API.
     *
     * @return the classes
     */
    public static List<Class<?>> optional() {
        if (!apiPresent()) {
            return List.of();
        }
        List<Class<?>> found = new ArrayList<>();
        for (String check : CHECKS) {
            try {
                found.add(Class.forName(HealthBeans.class.getPackageName() + "." + check, false,
                        HealthBeans.class.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                return List.of();
            }
        }
        return List.copyOf(found);
    }
}
