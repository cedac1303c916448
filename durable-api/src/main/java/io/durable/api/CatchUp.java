package io.durable.api;

/**
 * What a schedule does with ticks it missed: while every node was down, or while the database could
 * not take the tick's run. A tick is started at most once whatever the policy (its run's instance id
 * is {@code NAME@TICK}, started with {@link ConflictPolicy#USE_EXISTING}).
 */
public enum CatchUp {
    /** Start the latest missed tick once; earlier ones are skipped (a report that must run, not every time). */
    LATEST,
    /** Start every missed tick, oldest first, up to 1,000 at once (billing periods that must each run). */
    ALL,
    /** Start no missed tick; the schedule goes on from the next one (a heartbeat). */
    NONE
}
