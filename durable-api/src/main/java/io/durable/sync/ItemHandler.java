package io.durable.sync;

/**
 * Processes one item of a batch; an exception marks the item failed and the batch goes on.
 *
 * @param <T> the item type
 */
@FunctionalInterface
public interface ItemHandler<T> {

    /**
     * Processes the item.
     *
     * @param item the item
     * @throws Exception when the item fails
     */
    void handle(T item) throws Exception;
}
