package io.durable.sync;

import java.util.List;

/**
 * What a batch run did.
 *
 * @param nextIndex the index of the first item not processed (the list's size when all were)
 * @param processed the items processed in this call
 * @param succeeded those that succeeded
 * @param failed    those that failed
 * @param allDone   {@code true} when every item was processed; {@code false} when the time budget ran
 *                  out first: call again from {@code nextIndex} (in a durable sync, after
 *                  {@link SyncContext#newSlice()})
 * @param failures  the failed items with their errors (at most {@link #MAX_FAILURES} kept)
 */
public record BatchResult(int nextIndex, int processed, int succeeded, int failed, boolean allDone,
                          List<ItemFailure> failures) {

    /** The most failures kept in a result. */
    public static final int MAX_FAILURES = 100;

    /** Copies the failures. */
    public BatchResult {
        failures = List.copyOf(failures);
    }

    /**
     * This result followed by another from where it stopped.
     *
     * @param next the later result
     * @return the combined counts, the later position and completeness
     */
    public BatchResult then(BatchResult next) {
        List<ItemFailure> all = new java.util.ArrayList<>(failures);
        for (ItemFailure f : next.failures) {
            if (all.size() < MAX_FAILURES) {
                all.add(f);
            }
        }
        return new BatchResult(next.nextIndex, processed + next.processed, succeeded + next.succeeded,
                failed + next.failed, next.allDone, all);
    }
}
