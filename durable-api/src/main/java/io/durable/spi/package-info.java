/**
 * The service provider interface: what a workflow store, a transaction strategy and a clock must
 * provide to the engine. Applications use {@code io.durable.api}; store implementers use this.
 */
package io.durable.spi;
