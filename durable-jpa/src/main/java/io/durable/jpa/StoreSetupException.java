package io.durable.jpa;

import io.durable.api.DurableException;

/**
 * The application does not give the engine what its store needs: in a server the datasource at
 * {@code java:app/jdbc/durable} or the container-managed persistence context of unit {@code durable},
 * in Java SE HikariCP on the class path. It is thrown while the application deploys (or
 * {@code ResourceLocalJpa} opens), so the start fails with what to add instead of every call failing
 * later.
 */
public class StoreSetupException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what is missing and what to add
     * @param cause   the underlying failure, or {@code null}
     */
    public StoreSetupException(String message, Throwable cause) {
        super(message, cause);
    }
}
