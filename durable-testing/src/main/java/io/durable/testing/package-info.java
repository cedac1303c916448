/**
 * The test kit for applications with durable workflows, added in test scope: the in-memory stores
 * ({@link io.durable.testing.InMemoryWorkflowStore}, {@link io.durable.testing.InMemoryTrackingStore}), which have the
 * semantics of the JPA store without a database.
 */
package io.durable.testing;
