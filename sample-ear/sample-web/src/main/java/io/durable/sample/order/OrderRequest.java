package io.durable.sample.order;

/**
 * An order as it arrives over HTTP.
 *
 * @param orderId     the business key: letters, digits, '-' and '_', 1 to 64 characters
 * @param sku         the product
 * @param quantity    1 to 1000
 * @param amountCents what to charge, 0 or more
 */
public record OrderRequest(String orderId, String sku, int quantity, long amountCents) {

    /**
     * Says what is wrong with the request, or {@code null} when it is valid.
     *
     * @return the problem
     */
    public String problem() {
        if (orderId == null || !orderId.matches("[A-Za-z0-9_-]{1,64}")) {
            return "orderId must be 1 to 64 letters, digits, '-' or '_'";
        }
        if (sku == null || !sku.matches("[a-z0-9-]{1,40}")) {
            return "sku must be 1 to 40 lower-case letters, digits or '-'";
        }
        if (quantity < 1 || quantity > 1000) {
            return "quantity must be 1 to 1000";
        }
        if (amountCents < 0) {
            return "amountCents must not be negative";
        }
        return null;
    }
}
