/**
 * The operator surface an application adds by putting {@code durable-ops} on its class path: a JAX-RS
 * operator API over {@link io.durable.api.WorkflowEngine} and a dashboard that uses it. Every endpoint
 * checks the caller's Jakarta Security role ({@link io.durable.api.DurableRoles}); the engine scopes
 * every read and action to the caller's tenant.
 */
package io.durable.ops;
