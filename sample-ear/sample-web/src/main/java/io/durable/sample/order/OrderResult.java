package io.durable.sample.order;

/**
 * What the order workflow returns.
 *
 * @param orderId        the order
 * @param reservationId  the stock reservation
 * @param paymentId      the payment provider's id
 * @param trackingNumber the shipment
 */
public record OrderResult(String orderId, String reservationId, String paymentId, String trackingNumber) {
}
