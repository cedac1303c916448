package io.durable.track;

/**
 * The batch progress of a step.
 *
 * @param itemsTotal     how many items the step has in all, or {@link #UNKNOWN}
 * @param itemsProcessed how many it has processed
 * @param itemsSucceeded how many of those succeeded
 * @param itemsFailed    how many of those failed
 */
public record StepProgress(long itemsTotal, long itemsProcessed, long itemsSucceeded, long itemsFailed) {

    /** The total when it is not known. */
    public static final long UNKNOWN = -1;
    /** No progress reported. */
    public static final StepProgress NONE = new StepProgress(UNKNOWN, 0, 0, 0);

    /**
     * Validates the counts.
     *
     * @throws IllegalArgumentException when a count is negative or succeeded and failed exceed processed
     */
    public StepProgress {
        if (itemsTotal < UNKNOWN || itemsProcessed < 0 || itemsSucceeded < 0 || itemsFailed < 0) {
            throw new IllegalArgumentException("progress counts must not be negative: " + itemsTotal + " total, "
                    + itemsProcessed + " processed, " + itemsSucceeded + " succeeded, " + itemsFailed + " failed");
        }
        if (itemsSucceeded + itemsFailed > itemsProcessed) {
            throw new IllegalArgumentException("succeeded (" + itemsSucceeded + ") and failed (" + itemsFailed
                    + ") items cannot exceed the processed ones (" + itemsProcessed + ")");
        }
    }

    /**
     * The share processed, when the total is known.
     *
     * @return 0 to 1, or -1 when the total is unknown (or 0)
     */
    public double fractionDone() {
        return itemsTotal <= 0 ? -1 : Math.min(1.0, (double) itemsProcessed / itemsTotal);
    }
}
