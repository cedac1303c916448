/**
 * The operator REST API (the contract is {@code docs/operator-api.md}): JAX-RS resources under
 * {@code <application path>/durable} that read runs, steps, signals, approvals and trees, and act on
 * runs (signal, pause, unpause, cancel, retry, approve, reject) through
 * {@link io.durable.api.WorkflowEngine}.
 *
 * <p>Every endpoint checks the caller ({@link io.durable.ops.api.Caller}): 401 without an
 * authenticated caller, 403 without the role ({@link io.durable.api.DurableRoles}: viewer for reads,
 * operator for actions, admin for both in every tenant). The actor of every action is the caller's
 * name. Every parameter is validated before the engine sees it (ids by pattern, bounded limits,
 * bodies of at most 64 KiB); the exception mappers answer {@code {"error": ..., "status": ...}} and
 * never let an unexpected exception's text (SQL of a store failure, a stack trace) reach a caller:
 * those get a reference that the server log carries with the detail.
 *
 * <p>The resources are {@code @RequestScoped} beans of this jar's bean archive; the application's own
 * JAX-RS {@code Application} picks them up by scanning (an {@code Application} without
 * {@code getClasses()}), or lists {@link io.durable.ops.api.OperatorApi#classes()}.
 */
package io.durable.ops.api;
