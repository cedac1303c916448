package io.durable.ops.ui;

import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The dashboard's settings, read once when the application starts.
 *
 * @param enabled       whether the dashboard servlet is registered at all
 * @param dashboardPath where the dashboard is served, relative to the context root: {@code /} and
 *                      1 to 10 segments of letters, digits, {@code . _ ~ -}, no trailing {@code /}
 * @param apiPath       where the operator API answers, relative to the context root, same shape
 */
record DashboardSettings(boolean enabled, String dashboardPath, String apiPath) {

    static final String PREFIX = "durable.ops.";
    static final String ENABLED = PREFIX + "dashboard-enabled";
    static final String DASHBOARD_PATH = PREFIX + "dashboard-path";
    static final String API_PATH = PREFIX + "api-path";
    static final String DEFAULT_DASHBOARD_PATH = "/durable-ui";
    static final String DEFAULT_API_PATH = "/api/durable";

    /** Plain path segments only: no {@code ..}, no wildcard, no query, nothing that needs escaping in HTML. */
    private static final Pattern PATH = Pattern.compile("(/(?!\\.{1,2}(/|$))[A-Za-z0-9._~-]{1,64}){1,10}");

    DashboardSettings {
        check(DASHBOARD_PATH, dashboardPath);
        check(API_PATH, apiPath);
        if (dashboardPath.equals(apiPath)) {
            throw new DashboardConfigurationException(DASHBOARD_PATH + " and " + API_PATH + " are both '" + apiPath
                    + "'; give the dashboard a path of its own, for example " + DEFAULT_DASHBOARD_PATH);
        }
    }

    /**
     * Reads the settings through a lookup (MicroProfile Config or system properties).
     *
     * @param lookup the value of a key, if set
     * @return the settings, defaults where a key is not set
     * @throws DashboardConfigurationException when a value is not usable
     */
    static DashboardSettings read(Function<String, Optional<String>> lookup) {
        String enabled = lookup.apply(ENABLED).map(String::trim).orElse("true").toLowerCase(Locale.ROOT);
        if (!enabled.equals("true") && !enabled.equals("false")) {
            throw new DashboardConfigurationException("Invalid value '" + enabled + "' for " + ENABLED
                    + ": use true or false");
        }
        return new DashboardSettings(Boolean.parseBoolean(enabled),
                path(lookup, DASHBOARD_PATH, DEFAULT_DASHBOARD_PATH), path(lookup, API_PATH, DEFAULT_API_PATH));
    }

    private static String path(Function<String, Optional<String>> lookup, String key, String fallback) {
        String value = lookup.apply(key).map(String::trim).filter(v -> !v.isEmpty()).orElse(fallback);
        // "durable-ui/" and "/durable-ui/" mean "/durable-ui"
        if (!value.startsWith("/")) {
            value = "/" + value;
        }
        while (value.length() > 1 && value.endsWith("/")) {
            value = value.substring(0, value.length() - 1);
        }
        return value;
    }

    private static void check(String key, String value) {
        if (value == null || value.length() > 300 || !PATH.matcher(value).matches()) {
            throw new DashboardConfigurationException("Invalid value '" + value + "' for " + key
                    + ": use a path relative to the context root, such as /durable-ui: 1 to 10 segments of letters, "
                    + "digits, '.', '_', '~' or '-', without '..'");
        }
    }
}
