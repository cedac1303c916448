package io.durable.ops.ui;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * One file of the dashboard, in memory.
 *
 * @param name        its path below the dashboard, for example {@code js/main.js}
 * @param body        its bytes, as served
 * @param contentType its media type with charset where it is text
 * @param etag        a strong entity tag of the body (quoted), for revalidation
 */
record Asset(String name, byte[] body, String contentType, String etag) {

    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "svg", "image/svg+xml",
            "txt", "text/plain; charset=utf-8");

    Asset {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(etag, "etag");
    }

    /**
     * A file with the media type its extension names and an entity tag of its bytes.
     *
     * @param name its path below the dashboard
     * @param body its bytes
     * @return the asset
     * @throws DashboardConfigurationException when the extension is not one the dashboard serves
     */
    static Asset of(String name, byte[] body) {
        String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
        String type = TYPES.get(extension);
        if (type == null) {
            throw new DashboardConfigurationException("The dashboard file " + name + " has an extension the dashboard "
                    + "does not serve; use one of " + TYPES.keySet());
        }
        return new Asset(name, body.clone(), type, etag(body));
    }

    /** The body as text, for tests and templating. */
    String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    private static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
