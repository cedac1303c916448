package io.durable.sample;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The sample's demo users (README, operator section): name, password, tenant. The one table of them in the tests. */
public enum DemoUser {
    VIEWER("viewer", "viewer-pw", "acme"),
    OPERATOR("operator", "operator-pw", "acme"),
    GLOBEX("globex", "globex-pw", "globex"),
    ADMIN("admin", "admin-pw", "acme");

    public final String user;
    public final String password;
    public final String tenant;

    DemoUser(String user, String password, String tenant) {
        this.user = user;
        this.password = password;
        this.tenant = tenant;
    }

    /** The HTTP Basic header value. */
    public String basic() {
        return basic(password);
    }

    /** The HTTP Basic header value with another password. */
    String basic(String anyPassword) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + anyPassword).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The demo user of that name.
     *
     * @throws IllegalArgumentException when there is none
     */
    public static DemoUser named(String user) {
        for (DemoUser demo : values()) {
            if (demo.user.equals(user)) {
                return demo;
            }
        }
        throw new IllegalArgumentException("not a demo user: " + user);
    }
}
