package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A product and its stock. Fields change only through methods: EclipseLink weaves change tracking
 * into the entity, and a write to a field from outside the class would go unnoticed.
 */
@Entity
@Table(name = "sample_product")
public class Product {

    @Id
    @Column(length = 40)
    private String sku;

    private long stock;

    public Product() {
    }

    public Product(String sku, long stock) {
        this.sku = sku;
        this.stock = stock;
    }

    public long stock() {
        return stock;
    }

    /** Takes {@code quantity} from the stock. */
    public void take(int quantity) {
        stock -= quantity;
    }
}
