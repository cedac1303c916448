package io.durable.sample.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The sample's demo users (README, operator section): name, password, tenant. */
enum DemoUser {
    VIEWER("viewer", "viewer-pw", "acme"),
    OPERATOR("operator", "operator-pw", "acme"),
    GLOBEX("globex", "globex-pw", "globex"),
    ADMIN("admin", "admin-pw", "acme");

    final String user;
    final String password;
    final String tenant;

    DemoUser(String user, String password, String tenant) {
        this.user = user;
        this.password = password;
        this.tenant = tenant;
    }

    /** The HTTP Basic header value. */
    String basic() {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }
}
