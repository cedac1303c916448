package io.durable.cdi.internal.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe against naming environments that bind what the servers were measured to bind (see
 * docs/decisions.md, "GlassFish 7"): GlassFish resolves {@code java:comp/env} outside every module,
 * so only a module's own name tells a module apart. The servers themselves are tested by
 * {@code PayaraServerIT} and {@code GlassFishIT}.
 */
class ModuleEnvironmentTest {

    /** The names the current test's naming environment binds. */
    static volatile Set<String> bound = Set.of();

    @AfterEach
    void noNaming() {
        System.clearProperty(Context.INITIAL_CONTEXT_FACTORY);
    }

    @Test
    void outside_every_module_on_glassfish_is_not_a_module_although_java_comp_env_resolves() {
        use(Set.of("java:comp/env", "java:comp/DefaultManagedThreadFactory", "java:app/AppName"));
        assertFalse(ModuleEnvironment.present());
    }

    @Test
    void a_module_binds_its_name() {
        use(Set.of("java:comp/env", "java:module/ModuleName", "java:app/AppName"));
        assertTrue(ModuleEnvironment.present());
    }

    @Test
    void java_se_without_naming_has_nothing_to_wait_for() {
        assertTrue(ModuleEnvironment.present());
    }

    private static void use(Set<String> names) {
        bound = names;
        System.setProperty(Context.INITIAL_CONTEXT_FACTORY, Names.class.getName());
    }

    /** A naming environment that binds {@link #bound} and nothing else. */
    public static final class Names implements InitialContextFactory {
        @Override
        public Context getInitialContext(Hashtable<?, ?> environment) {
            return (Context) Proxy.newProxyInstance(Context.class.getClassLoader(), new Class<?>[] {Context.class},
                    (proxy, method, arguments) -> switch (method.getName()) {
                        case "lookup" -> {
                            if (!bound.contains(String.valueOf(arguments[0]))) {
                                throw new NameNotFoundException("not bound: " + arguments[0]);
                            }
                            yield arguments[0];
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
