package io.durable.ops.api;

import io.durable.cdi.internal.HidingClassLoader;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.List;

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
        ClassLoader withoutOpenApi = new HidingClassLoader(getClass().getClassLoader(),
                OperatorApi.class.getPackageName() + ".", List.of(OPENAPI));
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
}
