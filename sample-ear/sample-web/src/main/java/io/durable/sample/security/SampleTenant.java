package io.durable.sample.security;

import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;

import java.security.Principal;
import java.util.Optional;

/**
 * The caller's tenant: the runs an authenticated user starts belong to it, and the engine shows a
 * user only its tenant's runs. Request-scoped: a timer thread (a schedule's tick) has no request and
 * so starts its runs with the empty owner.
 */
@RequestScoped
public class SampleTenant implements TrackingOwner {

    @Inject
    SecurityContext security;

    @Override
    public Optional<String> currentOwner() {
        Principal caller = security.getCallerPrincipal();
        return caller == null ? Optional.empty() : DemoUsers.tenantOf(caller.getName());
    }
}
