package io.durable.sync;

/**
 * How far a pagination got.
 *
 * @param pages    pages processed (over every slice)
 * @param items    items processed
 * @param done     {@code true} when the last page was processed; {@code false} when a plain (not
 *                 durable) sync ran out of time: continue from {@code position} later
 * @param position the cursor (or offset, as text) of the next page, {@code null} when done
 */
public record PaginationResult(int pages, long items, boolean done, String position) {
}
