package io.durable.sync;

import io.durable.api.DurableException;
import io.durable.api.NonRetryable;

/**
 * A record has no canonical JSON form, so it cannot be content-hashed: it does not serialise to
 * JSON, or holds a number no double can hold, or a string that is not valid Unicode.
 */
@NonRetryable
public class UnhashableRecordException extends DurableException {

    private static final long serialVersionUID = 1L;

    private final String record;

    /**
     * Creates the exception.
     *
     * @param record the record's name (its label, or its type and text, shortened)
     * @param reason why it cannot be hashed
     * @param cause  the underlying failure, or {@code null}
     */
    public UnhashableRecordException(String record, String reason, Throwable cause) {
        super("Cannot hash record " + record + ": " + reason + ". Map it to plain JSON values (strings, finite "
                + "numbers, booleans, lists, maps) before hashing.", cause);
        this.record = record;
    }

    /**
     * The record's name.
     *
     * @return the label, or type and shortened text
     */
    public String record() {
        return record;
    }
}
