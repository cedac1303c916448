package io.durable.api;

import java.util.List;
import java.util.Optional;

/**
 * One page of a run listing, newest first.
 *
 * @param runs       the runs of this page, at most the query's limit
 * @param nextCursor the cursor of the next page ({@link RunQuery#withCursor(String)}), or {@code null}
 *                   when this page is the last
 */
public record RunPage(List<RunInfo> runs, String nextCursor) {

    /** Copies the list. */
    public RunPage {
        runs = List.copyOf(runs);
    }

    /**
     * The next page's cursor.
     *
     * @return the cursor, when more runs follow
     */
    public Optional<String> next() {
        return Optional.ofNullable(nextCursor);
    }
}
