package io.durable.sample.fulfilment;

/**
 * A parcel to pack in one warehouse.
 *
 * @param orderId   the order
 * @param warehouse where
 * @param seconds   how long the parcel waits for pick-up after it is labelled
 */
public record PackingRequest(String orderId, String warehouse, int seconds) {
}
