package io.durable.sample.security;

import io.durable.api.DurableRoles;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sample's demo users (documented in the README): names, passwords, tenants and durable roles.
 * Demo only: a real application keeps users in a database, LDAP or its server's realm.
 */
public final class DemoUsers {

    /**
     * One demo user.
     *
     * @param name     the login name
     * @param password the password
     * @param tenant   the tenant the user's runs belong to
     * @param roles    its groups, named as the roles they map to
     */
    public record User(String name, String password, String tenant, Set<String> roles) {
    }

    private static final Map<String, User> USERS = Map.of(
            "viewer", new User("viewer", "viewer-pw", "acme", Set.of(DurableRoles.VIEWER)),
            "operator", new User("operator", "operator-pw", "acme", Set.of(DurableRoles.VIEWER, DurableRoles.OPERATOR)),
            "globex", new User("globex", "globex-pw", "globex", Set.of(DurableRoles.VIEWER, DurableRoles.OPERATOR)),
            "admin", new User("admin", "admin-pw", "acme",
                    Set.of(DurableRoles.VIEWER, DurableRoles.OPERATOR, DurableRoles.ADMIN)));

    private DemoUsers() {
    }

    /**
     * The user with this name and password.
     *
     * @param name     the login name
     * @param password the password
     * @return the user, when both match
     */
    public static Optional<User> authenticate(String name, String password) {
        User user = USERS.get(name);
        // compare in constant time, and as long for an unknown name as for a known one
        byte[] expected = (user == null ? "\u0000unknown" : user.password()).getBytes(StandardCharsets.UTF_8);
        boolean matches = MessageDigest.isEqual(expected, password.getBytes(StandardCharsets.UTF_8));
        return user != null && matches ? Optional.of(user) : Optional.empty();
    }

    /**
     * The tenant of a user.
     *
     * @param name the login name
     * @return its tenant, empty for a name that is not a demo user
     */
    public static Optional<String> tenantOf(String name) {
        return Optional.ofNullable(USERS.get(name)).map(User::tenant);
    }
}
