/**
 * Time: the engine's clock, retry policies and their back-off
 * ({@link io.durable.cdi.internal.time.RetryPolicies}), the short in-thread wait
 * ({@link io.durable.cdi.internal.time.InThreadWait}), calendar schedules
 * ({@link io.durable.cdi.internal.time.CalendarSchedule}), and the wake-ups of parked runs
 * ({@link io.durable.cdi.internal.time.WakeUps}): the one route from a park to a timer (persistent or
 * in-memory) and from a fired timer back into the dispatcher.
 *
 * <p>May use: {@code platform}.
 */
package io.durable.cdi.internal.time;
