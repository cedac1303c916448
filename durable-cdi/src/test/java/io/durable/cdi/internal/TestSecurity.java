package io.durable.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.security.Principal;
import java.util.Set;

/**
 * The Jakarta Security context of the engine tests, standing in for the server's: who is logged in
 * on the calling code, switchable by a test (nobody by default). Shared with durable-testing's engine
 * tests through this module's test jar. It tests the engine's checks; the
 * real security context of a server is exercised by the operator module's container tests.
 */
@ApplicationScoped
public class TestSecurity implements SecurityContext {

    private record Caller(String name, Set<String> roles) {
    }

    private volatile Caller caller;

    /** Logs a person in on every thread until {@link #logOut()}. */
    public void logIn(String name, String... roles) {
        caller = new Caller(name, Set.of(roles));
    }

    public void logOut() {
        caller = null;
    }

    @Override
    public Principal getCallerPrincipal() {
        Caller current = caller;
        return current == null ? null : current::name;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
        return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
        Caller current = caller;
        return current != null && current.roles().contains(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
        return false;
    }

    @Override
    public AuthenticationStatus authenticate(HttpServletRequest request, HttpServletResponse response,
                                             AuthenticationParameters parameters) {
        throw new UnsupportedOperationException("the engine tests log in through logIn");
    }
}
