package io.durable.sync;

import java.util.List;

/**
 * One page of a cursor-paginated API.
 *
 * @param items      the page's items
 * @param nextCursor the cursor of the next page, or {@code null} on the last page
 * @param <T>        the item type
 */
public record Page<T>(List<T> items, String nextCursor) {

    /** Copies the items. */
    public Page {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /**
     * Whether another page follows.
     *
     * @return {@code true} when there is a next cursor and this page was not empty
     */
    public boolean hasNext() {
        return nextCursor != null && !items.isEmpty();
    }
}
