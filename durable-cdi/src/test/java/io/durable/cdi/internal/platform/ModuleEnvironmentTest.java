package io.durable.cdi.internal.platform;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.naming.Context;
import javax.naming.NameNotFoundException;
import javax.naming.spi.InitialContextFactory;
import java.lang.reflect.Proxy;
import java.util.Hashtable;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The probe against naming environments that bind what the servers were measured to bind (see
 * docs/decisions.md, "GlassFish 7"): GlassFish resolves {@code java:comp/env} outside every module,
 * so only a module's own name tells a module apart; a module of an EAR is named apart from its
 * application (WildFly starts the web module before the application's start-up event). The servers
 * themselves are tested by {@code PayaraServerIT}, {@code GlassFishIT} and {@code WildFlyIT}.
 */
class ModuleEnvironmentTest {

    /** The names the current test's naming environment binds, with their values. */
    static volatile Map<String, Object> bound = Map.of();

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

    @Test
    void a_module_of_an_ear_is_named_apart_from_its_application() {
        use(Map.of("java:module/ModuleName", "sample-web", "java:app/AppName", "sample-app"));
        assertTrue(ModuleEnvironment.inEar());
    }

    @Test
    void a_war_on_its_own_is_one_module_named_as_the_application() {
        use(Map.of("java:module/ModuleName", "sample-web", "java:app/AppName", "sample-web"));
        assertFalse(ModuleEnvironment.inEar());
    }

    @Test
    void outside_every_module_and_in_java_se_is_no_module_of_an_ear() {
        assertFalse(ModuleEnvironment.inEar());
        use(Set.of("java:comp/env", "java:app/AppName"));
        assertFalse(ModuleEnvironment.inEar());
    }

    private static void use(Set<String> names) {
        use(names.stream().collect(Collectors.toMap(Function.identity(), Function.identity())));
    }

    private static void use(Map<String, Object> names) {
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
                            Object value = bound.get(String.valueOf(arguments[0]));
                            if (value == null) {
                                throw new NameNotFoundException("not bound: " + arguments[0]);
                            }
                            yield value;
                        }
                        case "close" -> null;
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
