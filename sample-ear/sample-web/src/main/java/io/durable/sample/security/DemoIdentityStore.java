package io.durable.sample.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks HTTP Basic credentials against {@link DemoUsers}; a valid user's groups are its durable
 * roles, which Payara maps to the roles of the same name (payara-web.xml). Replace it with
 * {@code @DatabaseIdentityStoreDefinition}, {@code @LdapIdentityStoreDefinition} or the server's realm
 * (README, "Operator API and dashboard").
 */
@ApplicationScoped
public class DemoIdentityStore implements IdentityStore {

    /**
     * Validates a name and password.
     *
     * @param credential the credential from the Authorization header
     * @return VALID with the user's groups, or INVALID
     */
    public CredentialValidationResult validate(UsernamePasswordCredential credential) {
        return DemoUsers.authenticate(credential.getCaller(), credential.getPasswordAsString())
                .map(user -> new CredentialValidationResult(user.name(), user.roles()))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
