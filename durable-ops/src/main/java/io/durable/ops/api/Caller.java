package io.durable.ops.api;

import io.durable.api.AccessDeniedException;
import io.durable.api.DurableRoles;
import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import jakarta.servlet.http.HttpServletRequest;

import java.security.Principal;
import java.util.List;
import java.util.Optional;

/**
 * The authenticated caller of a request, as Jakarta Security knows it: its name (the actor recorded
 * for its actions), its durable roles and its tenant (the application's {@link TrackingOwner}). The
 * operator API checks every request with it; an application may inject it to guard its own
 * endpoints the same way.
 *
 * <p>A caller the servlet container did not authenticate has no name, even where Jakarta Security
 * reports a principal for it: WildFly (Elytron) gives every unauthenticated request the principal
 * {@code anonymous}, where Payara and GlassFish give none (Jakarta Security 3.0,
 * {@code SecurityContext.getCallerPrincipal}: "null if the current caller is not authenticated").
 *
 * <p>Reads need {@link DurableRoles#VIEWER}, actions {@link DurableRoles#OPERATOR};
 * {@link DurableRoles#ADMIN} may do both, in every tenant.
 */
@RequestScoped
public class Caller {

    private static final List<String> ROLES = List.of(DurableRoles.VIEWER, DurableRoles.OPERATOR, DurableRoles.ADMIN);

    @Inject
    SecurityContext security;

    @Inject
    Instance<TrackingOwner> owner;

    @Inject
    Instance<HttpServletRequest> request;

    /**
     * Checks that the caller may read.
     *
     * @param action what the request does, for messages ("list runs")
     * @return the caller's name
     * @throws NotAuthenticatedException without an authenticated caller
     * @throws AccessDeniedException     without the viewer or admin role
     */
    public String requireViewer(String action) {
        return require(action, DurableRoles.VIEWER);
    }

    /**
     * Checks that the caller may act on runs.
     *
     * @param action what the request does ("pause")
     * @return the caller's name, the actor to record
     * @throws NotAuthenticatedException without an authenticated caller
     * @throws AccessDeniedException     without the operator or admin role
     */
    public String requireOperator(String action) {
        return require(action, DurableRoles.OPERATOR);
    }

    /**
     * Checks that the caller has any durable role.
     *
     * @param action what the request does
     * @return the caller's name
     * @throws NotAuthenticatedException without an authenticated caller
     * @throws AccessDeniedException     without a durable role
     */
    public String requireAnyRole(String action) {
        String name = requireName(action);
        if (roles().isEmpty()) {
            throw new AccessDeniedException(name, action, DurableRoles.VIEWER);
        }
        return name;
    }

    /**
     * The caller's name.
     *
     * @return the name, empty without an authenticated caller
     */
    public Optional<String> name() {
        Principal principal = security.getCallerPrincipal();
        return principal == null || principal.getName() == null || principal.getName().isBlank()
                || !authenticatedByContainer() ? Optional.empty() : Optional.of(principal.getName());
    }

    /** False when this is an HTTP request the servlet container has no authenticated user for. */
    private boolean authenticatedByContainer() {
        if (!request.isResolvable()) {
            return true;
        }
        try {
            return request.get().getUserPrincipal() != null;
        } catch (RuntimeException noHttpRequest) {
            // a request context without an HTTP request (another thread): Jakarta Security's answer stands
            return true;
        }
    }

    /**
     * The durable roles the caller has.
     *
     * @return in the order viewer, operator, admin; empty without a caller
     */
    public List<String> roles() {
        if (name().isEmpty()) {
            return List.of();
        }
        return ROLES.stream().filter(security::isCallerInRole).toList();
    }

    /**
     * Whether the caller sees every tenant.
     *
     * @return whether it has the admin role
     */
    public boolean isAdmin() {
        return name().isPresent() && security.isCallerInRole(DurableRoles.ADMIN);
    }

    /**
     * The caller's tenant, as the application's {@link TrackingOwner} bean gives it.
     *
     * @return the tenant, empty without such a bean or when the caller has none
     */
    public Optional<String> tenant() {
        if (!owner.isResolvable()) {
            return Optional.empty();
        }
        return owner.get().currentOwner().filter(t -> !t.isBlank());
    }

    private String require(String action, String role) {
        String name = requireName(action);
        if (!security.isCallerInRole(role) && !security.isCallerInRole(DurableRoles.ADMIN)) {
            throw new AccessDeniedException(name, action, role);
        }
        return name;
    }

    private String requireName(String action) {
        return name().orElseThrow(() -> new NotAuthenticatedException(action));
    }
}
