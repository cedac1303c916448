package io.durable.cdi.internal.access;

import io.durable.cdi.internal.HidingClassLoader;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The persons of Jakarta Security are a bean only where its API is on the class path: with it (a
 * Jakarta EE server) the extension registers them; without it (Java SE) nothing of it is loaded and
 * every caller without a journal scope is the application.
 */
class AccessBeansTest {

    @Test
    void the_persons_bean_is_registered_where_jakarta_security_is_on_the_class_path() {
        assertEquals(List.of(JakartaSecurityPersons.class), AccessBeans.optional());
    }

    @Test
    void without_jakarta_security_no_bean_of_it_is_registered_and_nothing_of_it_loads() throws Exception {
        ClassLoader withoutSecurity = new HidingClassLoader(getClass().getClassLoader(), AccessBeans.class.getPackageName() + ".",
                List.of("jakarta.security.enterprise."));
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("jakarta.security.enterprise.SecurityContext", false, withoutSecurity));

        Class<?> beans = Class.forName(AccessBeans.class.getName(), true, withoutSecurity);

        assertEquals(List.of(), beans.getMethod("optional").invoke(null));
    }
}
