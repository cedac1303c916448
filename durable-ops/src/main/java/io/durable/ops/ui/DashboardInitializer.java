package io.durable.ops.ui;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;

import java.util.Set;
import java.util.logging.Logger;

/**
 * Registers the dashboard servlet when a web application that has {@code durable-ops} starts, at the
 * configured path (see the package documentation); registers nothing when the dashboard is disabled.
 * The container finds this class through {@code META-INF/services/jakarta.servlet.ServletContainerInitializer}.
 */
public final class DashboardInitializer implements ServletContainerInitializer {

    private static final Logger LOG = Logger.getLogger(DashboardInitializer.class.getName());

    /** The servlet's name in the application. */
    static final String SERVLET_NAME = "durable-dashboard";

    /** Used by the container. */
    public DashboardInitializer() {
    }

    /**
     * Reads the settings and registers the servlet.
     *
     * @param classes not used (the initializer asks for no types)
     * @param context the starting web application
     * @throws DashboardConfigurationException when a setting is invalid or the path is taken by another
     *                                         servlet, which fails the deployment
     */
    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        ClassLoader loader = context.getClassLoader();
        DashboardSettings settings = DashboardSettings.read(SettingsLookup.of(loader));
        if (!settings.enabled()) {
            LOG.info(() -> "Durable dashboard disabled (" + DashboardSettings.ENABLED + "=false) in " + context.getContextPath());
            return;
        }
        DashboardAssets assets = DashboardAssets.load(DashboardInitializer.class.getClassLoader(),
                context.getContextPath() + settings.apiPath());
        ServletRegistration.Dynamic servlet = context.addServlet(SERVLET_NAME, new DashboardServlet(assets));
        if (servlet == null) {
            throw new DashboardConfigurationException("A servlet named " + SERVLET_NAME + " is already registered in "
                    + context.getContextPath() + "; remove it, or set " + DashboardSettings.ENABLED + "=false");
        }
        Set<String> taken = servlet.addMapping(settings.dashboardPath() + "/*");
        if (!taken.isEmpty()) {
            throw new DashboardConfigurationException("The dashboard path " + settings.dashboardPath() + " is mapped to "
                    + "another servlet already (" + taken + "); set " + DashboardSettings.DASHBOARD_PATH + " to a free path");
        }
        LOG.info(() -> "Durable dashboard at " + context.getContextPath() + settings.dashboardPath() + "/ (API "
                + context.getContextPath() + settings.apiPath() + ")");
    }
}
