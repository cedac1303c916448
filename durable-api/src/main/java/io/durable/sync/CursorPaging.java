package io.durable.sync;

import java.util.Objects;

/**
 * Cursor pagination: fetch a page with a cursor, process it, follow its next cursor.
 *
 * @param name        names the steps ({@code NAME.fetch#n}, {@code NAME.process#n}; 1 to 80
 *                    characters, no {@code /}, {@code #} or {@code @})
 * @param itemType    the item class (pages are journaled as JSON and read back as it)
 * @param startCursor the first page's cursor, or {@code null}
 * @param retry       the retry preset or configured policy of fetches, for example {@code rateLimit}
 * @param fetch       fetches the page of a cursor ({@code null} for the first)
 * @param process     processes a page
 * @param <T>         the item type
 */
public record CursorPaging<T>(String name, Class<T> itemType, String startCursor, String retry, Fetch<T> fetch,
                              PageHandler<T> process) {

    /** Validates the required fields. */
    public CursorPaging {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(itemType, "itemType");
        Objects.requireNonNull(retry, "retry");
        Objects.requireNonNull(fetch, "fetch");
        Objects.requireNonNull(process, "process");
    }

    /**
     * Fetches a page.
     *
     * @param <T> the item type
     */
    @FunctionalInterface
    public interface Fetch<T> {
        /**
         * Fetches the page.
         *
         * @param cursor the page's cursor, {@code null} for the first
         * @return the page
         * @throws Exception to retry (per the policy), {@link io.durable.api.RetryLaterException} to
         *                   wait at least as long as the API asked
         */
        Page<T> page(String cursor) throws Exception;
    }
}
