package io.durable.sample.security;

import io.durable.api.DurableRoles;
import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.BasicAuthenticationMechanismDefinition;

/**
 * The sample's login: HTTP Basic on every request that carries credentials, and the roles the
 * application checks. No URL is protected by the servlet container (no security constraint): a
 * request without credentials reaches the API anonymously and is refused there with a 401 of its
 * own, which carries no {@code WWW-Authenticate} challenge, so the dashboard's calls never make a
 * browser open its login dialog.
 */
@ApplicationScoped
@BasicAuthenticationMechanismDefinition(realmName = "durable-sample")
@DeclareRoles({DurableRoles.VIEWER, DurableRoles.OPERATOR, DurableRoles.ADMIN})
public class SampleSecurity {
}
