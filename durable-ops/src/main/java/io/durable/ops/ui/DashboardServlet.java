package io.durable.ops.ui;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * Serves the dashboard's files (GET and HEAD; every other method is 405) with security headers on
 * every answer: a Content-Security-Policy that allows nothing but the dashboard's own files and calls to
 * its own origin, no framing, no sniffing, no referrer. Files are revalidated by their entity tag on
 * every use ({@code Cache-Control: no-cache}), so a new release is never hidden by a cache.
 */
final class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** Scripts, styles, images and calls from this origin only; no inline script, no plug-in, no frame. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'none'; base-uri 'none'; "
            + "frame-ancestors 'none'";

    private final transient DashboardAssets assets;

    DashboardServlet(DashboardAssets assets) {
        this.assets = assets;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        secure(response);
        Resolution resolution = Resolution.of(assets, request.getPathInfo(), request.getHeader("If-None-Match"));
        if (resolution instanceof Resolution.Serve serve) {
            serve(response, serve.asset());
        } else if (resolution instanceof Resolution.NotModified current) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            response.setHeader("ETag", current.asset().etag());
        } else if (resolution instanceof Resolution.Redirect) {
            response.sendRedirect(request.getContextPath() + request.getServletPath() + "/");
        } else {
            notFound(response);
        }
    }

    private static void secure(HttpServletResponse response) {
        response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-cache");
    }

    private static void serve(HttpServletResponse response, Asset asset) throws IOException {
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType(asset.contentType());
        response.setContentLength(asset.body().length);
        response.setHeader("ETag", asset.etag());
        response.getOutputStream().write(asset.body());
    }

    private static void notFound(HttpServletResponse response) throws IOException {
        // not sendError: the container's error page would name the server and its version
        byte[] body = "Not found\n".getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_NOT_FOUND);
        response.setContentType("text/plain; charset=utf-8");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
