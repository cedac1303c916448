package io.durable.jpa.schema;

import io.durable.api.DurableException;

/**
 * The engine's schema could not be brought to the version this library needs: the database is
 * unreachable, of a kind the library has no scripts for, or holds engine tables the migrations do
 * not recognise. The engine does not start on such a schema.
 */
public class SchemaMigrationException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was found and what to do
     * @param cause   the underlying failure, or {@code null}
     */
    public SchemaMigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
