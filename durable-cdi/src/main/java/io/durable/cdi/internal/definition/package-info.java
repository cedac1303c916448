/**
 * What the application declared, validated while it deploys: workflow definitions and their checks,
 * step descriptors and their checks, the binding of a run's input, and
 * {@link io.durable.cdi.internal.definition.Deployment}, the view of the extension's results that the
 * engine's beans inject.
 *
 * <p>May use: {@code time} (schedules, retry policies), {@code json}.
 */
package io.durable.cdi.internal.definition;
