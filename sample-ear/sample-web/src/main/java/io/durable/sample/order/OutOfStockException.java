package io.durable.sample.order;

/** Not enough stock: the reservation step fails and its transaction rolls back. */
public class OutOfStockException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public OutOfStockException(String sku, int wanted, long available) {
        super("Only " + available + " of " + sku + " in stock, " + wanted + " wanted");
    }
}
