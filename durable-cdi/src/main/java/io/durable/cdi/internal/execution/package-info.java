/**
 * Who executes what, and when: the {@link io.durable.api.WorkflowEngine} applications inject, the
 * {@link io.durable.cdi.internal.execution.Dispatcher} (slots, claims, the sweep, leases, the one
 * callback of a fired wake-up timer), the {@link io.durable.cdi.internal.execution.RunExecutor} that
 * replays one claimed run and stores its outcome, waiters for a run's end, the cron scheduler that
 * starts runs on each tick, the bounded run tree and the cancel cascade, and the engine's start and stop.
 *
 * <p>May use: {@code access}, {@code composition}, {@code tracking}, {@code journal}, {@code definition},
 * {@code time}, {@code platform}, {@code json}.
 */
package io.durable.cdi.internal.execution;
