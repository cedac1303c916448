/**
 * Who calls the engine, and what that caller may see and do: the {@link io.durable.cdi.internal.access.Caller}
 * (the system, an authenticated person, or the application without one), resolved in one place by
 * {@link io.durable.cdi.internal.access.Callers}, with its tenant scope and the operator role check.
 * A person comes from Jakarta Security where the server has it
 * ({@link io.durable.cdi.internal.access.JakartaSecurityPersons}, registered only then).
 *
 * <p>May use: {@code tracking}, {@code journal}.
 */
package io.durable.cdi.internal.access;
