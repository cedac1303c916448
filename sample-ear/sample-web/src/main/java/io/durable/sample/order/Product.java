package io.durable.sample.order;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A product and its stock. */
@Entity
@Table(name = "sample_product")
public class Product {

    @Id
    @Column(length = 40)
    public String sku;

    public long stock;

    public Product() {
    }

    public Product(String sku, long stock) {
        this.sku = sku;
        this.stock = stock;
    }
}
