/**
 * What the engine takes from the platform (Jakarta EE and MicroProfile) and nothing else: its
 * settings from MicroProfile Config ({@link io.durable.cdi.internal.platform.EngineSettings}), its
 * threads from Jakarta Concurrency ({@link io.durable.cdi.internal.platform.EngineThreads}), JTA
 * demarcation and after-commit actions, store calls in a transaction of their own, MicroProfile
 * Metrics and Telemetry (each only where its API is), the bounded store checks behind health checks and
 * gauges, and the run lifecycle as CDI events.
 *
 * <p>May use: no other internal package.
 */
package io.durable.cdi.internal.platform;
