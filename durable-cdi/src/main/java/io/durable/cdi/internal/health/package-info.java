/**
 * MicroProfile Health checks of the engine, registered only where the Health API is on the class path
 * ({@link io.durable.cdi.internal.health.HealthBeans#optional()}): readiness {@code durable-store} (the
 * database answers a cheap statement within two seconds), readiness {@code durable-runs} (always UP: the
 * counts of unfinished, stuck and poison runs as data, for people and alerts, never a reason to take a
 * node out of a load balancer), and liveness {@code durable-engine} (the scheduler that sweeps and renews
 * leases still runs). The checks hold no logic of their own beyond the verdict: what they report comes
 * from {@code platform} ({@link io.durable.cdi.internal.platform.StoreProbe},
 * {@link io.durable.cdi.internal.platform.RunVitalsCache}) and {@code execution} (the sweep's heartbeat).
 *
 * <p>May use: {@code execution}, {@code platform}.
 */
package io.durable.cdi.internal.health;
