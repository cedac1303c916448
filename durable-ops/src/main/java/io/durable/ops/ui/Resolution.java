package io.durable.ops.ui;

/**
 * What the dashboard servlet answers to one GET: decided without the servlet API, so it is tested
 * without a container.
 */
sealed interface Resolution {

    /** The dashboard's own path without its trailing slash: to the page, so relative links resolve. */
    record Redirect() implements Resolution {
    }

    /** No such file. */
    record NotFound() implements Resolution {
    }

    /** The client's copy is current ({@code If-None-Match} matched). */
    record NotModified(Asset asset) implements Resolution {
    }

    /** The file itself. */
    record Serve(Asset asset) implements Resolution {
    }

    /**
     * Decides the answer.
     *
     * @param assets      the dashboard's files
     * @param pathInfo    the request's path below the servlet's path, {@code null} for the path itself
     * @param ifNoneMatch the request's {@code If-None-Match} header, or {@code null}
     * @return the answer
     */
    static Resolution of(DashboardAssets assets, String pathInfo, String ifNoneMatch) {
        if (pathInfo == null || pathInfo.isEmpty()) {
            return new Redirect();
        }
        String name = pathInfo.equals("/") ? DashboardAssets.INDEX : pathInfo.substring(1);
        return assets.find(name)
                .<Resolution>map(asset -> matches(ifNoneMatch, asset.etag()) ? new NotModified(asset) : new Serve(asset))
                .orElseGet(NotFound::new);
    }

    private static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.length() > 1000) {
            return false;
        }
        for (String tag : ifNoneMatch.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.equals(etag) || t.equals("*")) {
                return true;
            }
        }
        return false;
    }
}
