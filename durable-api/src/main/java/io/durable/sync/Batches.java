package io.durable.sync;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Time-aware batch processing: items in batches of a given size, the time budget checked before
 * each item, each item's success or failure counted. Stops at the first item the budget does not
 * cover and says where, so the caller continues later.
 */
public final class Batches {

    private Batches() {
    }

    /**
     * Processes items from {@code startAt}.
     *
     * @param items     the items
     * @param startAt   the first index to process
     * @param batchSize items per batch (1 to 10,000); {@code afterBatch} is called after each
     * @param outOfTime says when the budget is used up (checked before each item)
     * @param handler   processes one item
     * @param afterBatch called with each finished batch's result (for example to flush and count), or {@code null}
     * @param <T>       the item type
     * @return what was done, and whether every item was
     * @throws IllegalArgumentException when the batch size or start index is out of range
     */
    public static <T> BatchResult process(List<T> items, int startAt, int batchSize, BooleanSupplier outOfTime,
                                          ItemHandler<T> handler, Consumer<BatchResult> afterBatch) {
        checkArguments(items, startAt, batchSize);
        BatchResult total = new BatchResult(startAt, 0, 0, 0, startAt == items.size(), List.of());
        int next = startAt;
        while (next < items.size()) {
            if (outOfTime.getAsBoolean()) {
                return total;
            }
            int end = Math.min(items.size(), next + batchSize);
            BatchResult batch = batch(items, next, end, outOfTime, handler);
            total = total.then(batch);
            if (afterBatch != null) {
                afterBatch.accept(batch);
            }
            next = batch.nextIndex();
            if (next < end) {
                return total; // the budget ran out inside the batch
            }
        }
        return total;
    }

    /**
     * Processes the items of one batch, {@code from} (inclusive) to {@code to} (exclusive), checking
     * the budget before each but the first.
     *
     * @param items     the items
     * @param from      the first index
     * @param to        one past the last index
     * @param outOfTime the budget check
     * @param handler   processes one item
     * @param <T>       the item type
     * @return the batch's result; {@code allDone} when it reached the end of the whole list
     */
    public static <T> BatchResult batch(List<T> items, int from, int to, BooleanSupplier outOfTime,
                                        ItemHandler<T> handler) {
        int succeeded = 0;
        List<ItemFailure> failures = new ArrayList<>();
        int failed = 0;
        int index = from;
        for (; index < to; index++) {
            if (index > from && outOfTime.getAsBoolean()) {
                break;
            }
            try {
                handler.handle(items.get(index));
                succeeded++;
            } catch (Exception e) {
                failed++;
                if (failures.size() < BatchResult.MAX_FAILURES) {
                    failures.add(new ItemFailure(index, e.getMessage() == null ? e.toString() : e.getMessage()));
                }
            }
        }
        return new BatchResult(index, index - from, succeeded, failed, index == items.size(), failures);
    }

    /**
     * Checks a batch size and start index.
     *
     * @param items     the items
     * @param startAt   the first index to process
     * @param batchSize items per batch
     * @throws IllegalArgumentException when one is out of range, naming it
     */
    public static void checkArguments(List<?> items, int startAt, int batchSize) {
        if (batchSize < 1 || batchSize > 10_000) {
            throw new IllegalArgumentException("batch size must be 1 to 10000, got " + batchSize);
        }
        if (startAt < 0 || startAt > items.size()) {
            throw new IllegalArgumentException("start index must be 0 to " + items.size() + ", got " + startAt);
        }
    }
}
