/**
 * Run tracking: the {@link io.durable.api.RunTracker} for tracked jobs and steps, and whose runs the
 * caller sees ({@link io.durable.cdi.internal.tracking.TrackingOwners}).
 *
 * <p>May use: {@code journal}, {@code json}.
 */
package io.durable.cdi.internal.tracking;
