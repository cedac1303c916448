package io.durable.sync;

/**
 * An item a batch could not process.
 *
 * @param index its index in the item list
 * @param error what went wrong
 */
public record ItemFailure(int index, String error) {
}
