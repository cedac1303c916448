package io.durable.cdi.internal.access;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
    WeldInitiator weld = WeldInitiator.from(JakartaSecurityPersons.class, Security.class, Request.class).build();

    @Inject
    JakartaSecurityPersons persons;

    @Inject
    Security security;

    @Inject
    Request request;

    @Test
    void an_unauthenticated_request_has_no_person_even_with_a_principal_named_anonymous() {
        security.logIn("anonymous");
        request.authenticate(null);

        assertEquals(Optional.empty(), persons.current());
    }

    @Test
    void an_authenticated_request_has_its_caller_with_the_durable_roles_it_holds() {
        security.logIn("ann");
        request.authenticate("ann");

        assertEquals(Optional.of(new Persons.Identity("ann", Set.of("durable-operator"))), persons.current());
    }

    @Test
    void no_principal_is_no_person() {
        security.logIn(null);
        request.authenticate("ann");

        assertEquals(Optional.empty(), persons.current());
    }

    /** Jakarta Security as the test sets it: a caller principal holding the operator role. */
    @ApplicationScoped
    static class Security implements SecurityContext {
        private volatile String principal;

        /** Through a method: a field set on the injected client proxy would not reach the bean. */
        void logIn(String name) {
            principal = name;
        }

        @Override
        public Principal getCallerPrincipal() {
            String name = principal;
            return name == null ? null : () -> name;
        }

        @Override
        public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
            return Set.of();
        }

        @Override
        public boolean isCallerInRole(String role) {
            return principal != null && "durable-operator".equals(role);
        }

        @Override
        public boolean hasAccessToWebResource(String resource, String... methods) {
            return false;
        }

        @Override
        public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                                 AuthenticationParameters parameters) {
            throw new UnsupportedOperationException();
        }
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
