package io.durable.cdi.internal.access;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
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
        ClassLoader withoutSecurity = new HidingLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName("jakarta.security.enterprise.SecurityContext", false, withoutSecurity));

        Class<?> beans = Class.forName(AccessBeans.class.getName(), true, withoutSecurity);

        assertEquals(List.of(), beans.getMethod("optional").invoke(null));
    }

    /** Loads this package's classes itself and refuses the Jakarta Security API. */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith("jakarta.security.enterprise.")) {
                throw new ClassNotFoundException(name + " (hidden, as in Java SE without Jakarta Security)");
            }
            if (!name.startsWith(AccessBeans.class.getPackageName() + ".")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> loaded = findLoadedClass(name);
                if (loaded == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] bytes = in.readAllBytes();
                        loaded = defineClass(name, bytes, 0, bytes.length);
                    } catch (IOException e) {
                        throw new ClassNotFoundException(name, e);
                    }
                }
                if (resolve) {
                    resolveClass(loaded);
                }
                return loaded;
            }
        }
    }
}
