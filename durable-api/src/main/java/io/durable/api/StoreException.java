package io.durable.api;

/**
 * The workflow store could not be read or written (database down, connection lost). Nothing that
 * was journaled is lost; the engine retries the run later.
 */
public class StoreException extends DurableException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param operation what the store was doing, with the run id where there is one
     * @param cause     the database failure
     */
    public StoreException(String operation, Throwable cause) {
        super("Workflow store failed while " + operation + ": " + cause
                + ". Check the database; runs resume once it is reachable.", cause);
    }
}
