package io.durable.sync;

import java.util.List;

/**
 * Processes one fetched page. In a durable sync it runs in the page's transactional step: what it
 * writes, the counters it adds and the journal entry of the page commit together.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface PageHandler<T> {

    /**
     * Processes the page.
     *
     * @param items the page's items
     * @param sync  the sync (for counters and links)
     * @throws Exception to fail the page (and the sync)
     */
    void handle(List<T> items, SyncContext sync) throws Exception;
}
