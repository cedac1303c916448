package io.durable.ops.ui;

import io.durable.api.DurableException;

/**
 * A dashboard setting has a value the dashboard cannot use, or the dashboard's files are missing from
 * the jar; the application's deployment fails with this message.
 */
public class DashboardConfigurationException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which setting or file, its value, and what to use instead
     */
    public DashboardConfigurationException(String message) {
        super(message);
    }
}
