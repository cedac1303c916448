/**
 * What workflow code composes with, behind {@link io.durable.api.DurableContext}: durable
 * operations (sleep, signals, journaled time and randomness, version markers), parallel branches,
 * child workflows, saga compensation, and approvals.
 *
 * <p>May use: {@code journal}, {@code definition}, {@code time} (a lambda step's retry policy),
 * {@code platform}, {@code json}.
 */
package io.durable.cdi.internal.composition;
