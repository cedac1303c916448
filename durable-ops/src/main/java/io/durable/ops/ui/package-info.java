/**
 * The dashboard: a servlet that serves the operator dashboard's static files (plain HTML, CSS and
 * JavaScript modules in the jar under {@code META-INF/durable-ui/}, no build toolchain, no external
 * source) at {@code <context root>/durable-ui/} by default, and writes the operator API's base path into
 * its page. The servlet is registered by {@link io.durable.ops.ui.DashboardInitializer}, a
 * {@code ServletContainerInitializer}, so a WAR that has {@code durable-ops} in {@code WEB-INF/lib}
 * gets it without a line of code.
 *
 * <p>Settings (MicroProfile Config where the server has it, else system properties):
 * <ul>
 *   <li>{@code durable.ops.dashboard-enabled} ({@code true}): {@code false} registers nothing;</li>
 *   <li>{@code durable.ops.dashboard-path} ({@code /durable-ui}): where the dashboard is served,
 *       relative to the context root;</li>
 *   <li>{@code durable.ops.api-path} ({@code /api/durable}): where the dashboard finds the operator
 *       API, relative to the context root (the application's JAX-RS root plus {@code /durable}).</li>
 * </ul>
 *
 * <p>The files hold no data, so serving them needs no login; every call the dashboard makes to the API
 * carries the user's credentials and the API checks the roles. Owns: the servlet, its settings and the
 * files it serves; uses only the servlet API (and MicroProfile Config when present).
 */
@Vetoed
package io.durable.ops.ui;

import jakarta.enterprise.inject.Vetoed;
