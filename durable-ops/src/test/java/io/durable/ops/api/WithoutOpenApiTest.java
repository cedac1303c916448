package io.durable.ops.api;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The resources carry MicroProfile OpenAPI annotations, and a server without MicroProfile OpenAPI
 * (GlassFish, a plain Jakarta EE server) must still load them: the resources are loaded here by a
 * class loader that hides the OpenAPI API, and their annotations read without an error, the OpenAPI
 * ones simply absent.
 */
class WithoutOpenApiTest {

    private static final String OPENAPI = "org.eclipse.microprofile.openapi.";

    @Test
    void the_resources_load_and_keep_their_jax_rs_annotations_without_the_openapi_api() throws Exception {
        ClassLoader withoutOpenApi = new HidingLoader(getClass().getClassLoader());
        assertThrows(ClassNotFoundException.class,
                () -> Class.forName(OPENAPI + "annotations.Operation", false, withoutOpenApi));

        for (Class<?> resource : OperatorApi.classes()) {
            Class<?> hidden = Class.forName(resource.getName(), true, withoutOpenApi);
            assertEquals(withoutOpenApi, hidden.getClassLoader());
            hidden.getAnnotations();
            for (Method method : hidden.getDeclaredMethods()) {
                for (var annotation : method.getAnnotations()) {
                    assertTrue(!annotation.annotationType().getName().startsWith(OPENAPI), annotation.toString());
                }
            }
        }
        Method list = Class.forName(RunListResource.class.getName(), true, withoutOpenApi).getMethod("list",
                String.class, String.class, String.class, String.class, String.class, String.class, String.class,
                String.class);
        assertTrue(list.isAnnotationPresent(jakarta.ws.rs.GET.class), "JAX-RS annotations stay");
        assertTrue(RunListResource.class.getMethod("list", String.class, String.class, String.class, String.class,
                        String.class, String.class, String.class, String.class)
                .isAnnotationPresent(org.eclipse.microprofile.openapi.annotations.Operation.class),
                "with the API present, the OpenAPI annotations are read");
    }

    /** Loads the operator API's classes itself and refuses the MicroProfile OpenAPI API. */
    private static final class HidingLoader extends ClassLoader {

        HidingLoader(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(OPENAPI)) {
                throw new ClassNotFoundException(name + " (hidden, as on a server without MicroProfile OpenAPI)");
            }
            if (!name.startsWith(OperatorApi.class.getPackageName() + ".")) {
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
