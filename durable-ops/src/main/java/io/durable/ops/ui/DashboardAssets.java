package io.durable.ops.ui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The dashboard's files, read from the jar once at start-up into a fixed map: a request can only name
 * one of these keys, so no request reaches any other resource or file (no path traversal, whatever the
 * container does with {@code ..} or encoded slashes).
 */
final class DashboardAssets {

    /** Where the files lie in the jar. */
    static final String ROOT = "META-INF/durable-ui/";

    /** The page, with the placeholder the API base replaces. */
    static final String INDEX = "index.html";

    static final String API_PLACEHOLDER = "__DURABLE_API_BASE__";

    /** Every file the dashboard serves (a test checks that this is exactly what the folder holds). */
    static final List<String> FILES = List.of(
            INDEX,
            "dashboard.css",
            "js/main.js",
            "js/api.js",
            "js/auth.js",
            "js/dom.js",
            "js/format.js",
            "js/router.js",
            "js/login-view.js",
            "js/runs-view.js",
            "js/run-view.js",
            "js/run-actions.js",
            "js/confirm-dialog.js",
            "js/step-tree.js",
            "js/timeline.js",
            "js/statuses.js",
            "js/poller.js");

    private final Map<String, Asset> assets;

    private DashboardAssets(Map<String, Asset> assets) {
        this.assets = Collections.unmodifiableMap(assets);
    }

    /**
     * Reads every file and writes the API base into the page.
     *
     * @param loader  the class loader that sees the jar
     * @param apiBase the API's path from the server root (context root plus API path), for example
     *                {@code /sample-web/api/durable}
     * @return the files
     * @throws DashboardConfigurationException when a file is missing or the page has no placeholder
     */
    static DashboardAssets load(ClassLoader loader, String apiBase) {
        Map<String, Asset> assets = new LinkedHashMap<>();
        for (String name : FILES) {
            byte[] body = read(loader, name);
            if (name.equals(INDEX)) {
                body = withApiBase(new String(body, StandardCharsets.UTF_8), apiBase).getBytes(StandardCharsets.UTF_8);
            }
            assets.put(name, Asset.of(name, body));
        }
        return new DashboardAssets(assets);
    }

    /**
     * The file under a name, if the dashboard has one.
     *
     * @param name a path below the dashboard, without a leading {@code /}
     * @return the file, or empty
     */
    Optional<Asset> find(String name) {
        return Optional.ofNullable(assets.get(name));
    }

    static String withApiBase(String page, String apiBase) {
        if (!page.contains(API_PLACEHOLDER)) {
            throw new DashboardConfigurationException("The dashboard page " + ROOT + INDEX + " has no "
                    + API_PLACEHOLDER + "; the durable-ops jar is damaged, use the released one");
        }
        return page.replace(API_PLACEHOLDER, escape(apiBase));
    }

    /** HTML attribute escaping: the settings' pattern allows none of these, the context root might. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static byte[] read(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(ROOT + name)) {
            if (in == null) {
                throw new DashboardConfigurationException("The dashboard file " + ROOT + name + " is not on the class "
                        + "path; the durable-ops jar is damaged, use the released one");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new DashboardConfigurationException("Reading the dashboard file " + ROOT + name + " failed: " + e);
        }
    }
}
