/**
 * The test kit for applications with durable workflows, added in test scope. {@link io.durable.testing.WorkflowTest}
 * runs each test with the engine in a Weld SE container, on the in-memory stores
 * ({@link io.durable.testing.InMemoryWorkflowStore}, {@link io.durable.testing.InMemoryTrackingStore}, which have the
 * semantics of the JPA store without a database) and with a clock that moves only when the test says
 * ({@link io.durable.testing.WorkflowTestKit#advance}); {@link io.durable.testing.WorkflowTestKit#replay} checks the
 * current workflow code against a run recorded elsewhere ({@link io.durable.api.RunExport}).
 */
package io.durable.testing;
