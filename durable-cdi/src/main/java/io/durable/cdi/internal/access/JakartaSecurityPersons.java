package io.durable.cdi.internal.access;

import io.durable.api.DurableRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The person Jakarta Security authenticated on this thread: the caller principal of the
 * {@link SecurityContext} and which {@link DurableRoles} it holds. No security context, no principal,
 * or a thread the container gives none (a timer, a managed thread that fails the lookup): no person.
 * Nor is an HTTP request's caller the servlet container did not authenticate: WildFly (Elytron) gives
 * such a request the principal {@code anonymous}, where Jakarta Security 3.0 says
 * {@code getCallerPrincipal} is null for a caller who is not authenticated (the operator API's
 * {@code Caller} applies the same rule).
 * Registered as a bean only where the Jakarta Security API is on the class path
 * ({@link AccessBeans#optional()}).
 */
@ApplicationScoped
public class JakartaSecurityPersons implements Persons {

    private static final Logger LOG = Logger.getLogger(JakartaSecurityPersons.class.getName());
    private static final List<String> ROLES = List.of(DurableRoles.VIEWER, DurableRoles.OPERATOR, DurableRoles.ADMIN);

    @Inject
    Instance<SecurityContext> contexts;

    @Inject
    Instance<HttpServletRequest> requests;

    @Override
    public Optional<Identity> current() {
        if (!contexts.isResolvable()) {
            return Optional.empty();
        }
        Instance.Handle<SecurityContext> handle = contexts.getHandle();
        try {
            SecurityContext context = handle.get();
            Principal principal = context.getCallerPrincipal();
            if (principal == null || principal.getName() == null || principal.getName().isBlank()
                    || !authenticatedByContainer()) {
                return Optional.empty();
            }
            Set<String> roles = ROLES.stream().filter(context::isCallerInRole).collect(Collectors.toUnmodifiableSet());
            return Optional.of(new Identity(principal.getName(), roles));
        } catch (RuntimeException e) {
            LOG.fine(() -> "No security context on this thread (" + e + "); the caller is not a person");
            return Optional.empty();
        } finally {
            if (Dependent.class.equals(handle.getBean().getScope())) {
                handle.destroy();
            }
        }
    }

    /** False on an HTTP request the servlet container has no authenticated user for. */
    private boolean authenticatedByContainer() {
        if (!requests.isResolvable()) {
            return true;
        }
        try {
            return requests.get().getUserPrincipal() != null;
        } catch (RuntimeException noHttpRequest) {
            // no HTTP request on this thread (a run's worker, a timer): Jakarta Security's answer stands
            return true;
        }
    }
}
