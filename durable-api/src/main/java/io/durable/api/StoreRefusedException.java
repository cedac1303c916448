package io.durable.api;

/**
 * The database refused a write for a reason that will not go away by trying again: a violated
 * constraint, a value too long for its column, malformed data. Unlike a {@link StoreException}
 * (database unreachable, deadlock, timeout), which leaves the run to resume once the database is
 * back, a run that meets this fails with it: running its code again would write the same value.
 * Check the database schema against the library's {@link Limit limits}.
 */
public class StoreRefusedException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String sqlState;

    /**
     * Creates the exception.
     *
     * @param operation what the store was doing, with the run id where there is one
     * @param sqlState  the database's SQL state, or {@code null}
     * @param cause     the database failure
     */
    public StoreRefusedException(String operation, String sqlState, Throwable cause) {
        super("The database refused a write while " + operation + (sqlState == null ? "" : " (SQL state " + sqlState + ")")
                + ": " + rootMessage(cause) + ". Retrying would be refused the same way; check the schema against "
                + "the library's limits (docs/decisions.md, Limits).", cause);
        this.sqlState = sqlState;
    }

    private static String rootMessage(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return String.valueOf(root.getMessage());
    }

    /**
     * The database's SQL state.
     *
     * @return for example {@code 22001}, or {@code null} when the failure had none
     */
    public String sqlState() {
        return sqlState;
    }
}
