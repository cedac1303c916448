package io.durable.cdi.internal.access;

import io.durable.cdi.internal.TestSecurity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Who the engine takes for the person calling: Jakarta Security's caller, unless the HTTP request
 * in progress has no user the servlet container authenticated (WildFly's {@code anonymous}).
 */
@EnableWeld
class JakartaSecurityPersonsTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(JakartaSecurityPersons.class, TestSecurity.class, Request.class).build();

    @Inject
    JakartaSecurityPersons persons;

    @Inject
    TestSecurity security;

    @Inject
    Request request;

    @Test
    void an_unauthenticated_request_has_no_person_even_with_a_principal_named_anonymous() {
        security.logIn("anonymous", "durable-operator");
        request.authenticate(null);

        assertEquals(Optional.empty(), persons.current());
    }

    @Test
    void an_authenticated_request_has_its_caller_with_the_durable_roles_it_holds() {
        security.logIn("ann", "durable-operator");
        request.authenticate("ann");

        assertEquals(Optional.of(new Persons.Identity("ann", Set.of("durable-operator"))), persons.current());
    }

    @Test
    void no_principal_is_no_person() {
        security.logOut();
        request.authenticate("ann");

        assertEquals(Optional.empty(), persons.current());
    }

    /** The HTTP request in progress, as a servlet container exposes it to CDI; only its user matters here. */
    @ApplicationScoped
    static class Request {
        private volatile String user;

        void authenticate(String name) {
            user = name;
        }

        @Produces
        @Dependent
        HttpServletRequest current() {
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> {
                        if (method.getName().equals("getUserPrincipal")) {
                            String name = user;
                            return name == null ? null : (Principal) () -> name;
                        }
                        throw new UnsupportedOperationException(method.getName());
                    });
        }
    }
}
