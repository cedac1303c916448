package io.durable.sync;

/** What an upsert with a content hash did. */
public enum UpsertResult {
    /** No record had the key: one was inserted. */
    CREATED("inserted"),
    /** The record's hash differed: it was updated. */
    UPDATED("updated"),
    /** The record's hash was the same: nothing was written. */
    UNCHANGED("unchanged");

    private final String counter;

    UpsertResult(String counter) {
        this.counter = counter;
    }

    /**
     * The run output counter this result adds to.
     *
     * @return {@code inserted}, {@code updated} or {@code unchanged}
     */
    public String counter() {
        return counter;
    }
}
