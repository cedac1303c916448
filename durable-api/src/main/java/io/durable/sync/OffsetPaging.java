package io.durable.sync;

import java.util.List;
import java.util.Objects;

/**
 * Offset pagination: fetch {@code limit} items at an offset, process them, move on; a page shorter
 * than {@code limit} is the last.
 *
 * @param name        names the steps, as in {@link CursorPaging}
 * @param itemType    the item class
 * @param startOffset the first offset
 * @param limit       items per page (1 to 10,000)
 * @param retry       the retry policy of fetches
 * @param fetch       fetches the items at an offset
 * @param process     processes a page
 * @param <T>         the item type
 */
public record OffsetPaging<T>(String name, Class<T> itemType, long startOffset, int limit, String retry, Fetch<T> fetch,
                              PageHandler<T> process) {

    /** Validates the fields. */
    public OffsetPaging {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(process, "process");
        if (limit < 1 || limit > 10_000) {
            throw new IllegalArgumentException("limit must be 1 to 10000, got " + limit);
        }
        if (startOffset < 0) {
            throw new IllegalArgumentException("startOffset must not be negative, got " + startOffset);
        }
    }

    /**
     * Fetches items at an offset.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Fetch<T> {
        /**
         * Fetches them.
         *
         * @param offset the offset
         * @param limit  the most items to return
         * @return the items
         * @throws Exception to retry, as in {@link CursorPaging.Fetch}
         */
        List<T> items(long offset, int limit) throws Exception;
    }
}
