package io.durable.api;

/**
 * A value is over one of the library's {@link Limit limits}. A call from outside a run (start,
 * signal, approval decision, operator action) is refused and stores nothing; inside a run (a step
 * key, a step result, an output, a child's input) the run fails with this error, because running its
 * code again would meet the same value. Every store throws this same exception for the same limit.
 */
public class LimitExceededException extends PayloadException {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 60;

    private final Limit limit;
    private final long size;

    /**
     * Creates the exception.
     *
     * @param limit the limit
     * @param size  the value's size, in the limit's unit
     * @param value the value, whose beginning the message shows for texts (not for payloads), or {@code null}
     */
    public LimitExceededException(Limit limit, long size, String value) {
        super(message(limit, size, value), null);
        this.limit = limit;
        this.size = size;
    }

    private static String message(Limit limit, long size, String value) {
        String text = limit.message(size);
        if (value == null || limit.unit() == Limit.Unit.BYTES) {
            return capitalized(text);
        }
        String shown = value.length() <= SHOWN ? value : value.substring(0, SHOWN) + "...";
        return capitalized(text) + " (value '" + shown + "')";
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /**
     * The limit exceeded.
     *
     * @return the limit
     */
    public Limit limit() {
        return limit;
    }

    /**
     * The value's size.
     *
     * @return in the limit's unit
     */
    public long size() {
        return size;
    }
}
