package io.durable.sample.checkout;

/**
 * What to check out.
 *
 * @param orderId      the order
 * @param amountCents  what to charge
 * @param failShipping tells the carrier to refuse the parcel, so the saga compensates
 */
public record CheckoutRequest(String orderId, long amountCents, boolean failShipping) {
}
