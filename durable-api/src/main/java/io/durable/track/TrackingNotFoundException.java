package io.durable.track;

import io.durable.api.DurableException;

/**
 * A tracker call named a run, step or call that does not exist (for the caller's owner).
 */
public class TrackingNotFoundException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String kind;
    private final String id;

    /**
     * Creates the exception.
     *
     * @param kind {@code run}, {@code step} or {@code call}
     * @param id   the id that was given
     */
    public TrackingNotFoundException(String kind, String id) {
        super("No tracked " + kind + " with id '" + id + "' exists for the current owner. Use the id the tracker "
                + "returned when it created the " + kind + ".");
        this.kind = kind;
        this.id = id;
    }

    /**
     * What was looked for.
     *
     * @return {@code run}, {@code step} or {@code call}
     */
    public String kind() {
        return kind;
    }

    /**
     * The id that was given.
     *
     * @return the id
     */
    public String id() {
        return id;
    }
}
