/**
 * The journal and replay: the state of one execution of a run
 * ({@link io.durable.cdi.internal.journal.Execution}) and the scopes its threads replay in
 * ({@link io.durable.cdi.internal.journal.Scope}), the path of one step from the interceptor
 * ({@link io.durable.cdi.internal.journal.DurableStepInterceptor}) through the
 * {@link io.durable.cdi.internal.journal.StepRunner} (replay, retries) to the
 * {@link io.durable.cdi.internal.journal.JournalWriter} (and its
 * {@link io.durable.cdi.internal.journal.GroupCommit} for entries of concurrent runs), the limits on values a run produces, the
 * control-flow errors that unwind workflow code (park, continue-as-new, cancelled branch), and
 * {@link io.durable.cdi.internal.journal.ExecutionRegistry}, what an execution asks of the node.
 *
 * <p>May use: {@code definition}, {@code time}, {@code platform}, {@code json}.
 */
package io.durable.cdi.internal.journal;
