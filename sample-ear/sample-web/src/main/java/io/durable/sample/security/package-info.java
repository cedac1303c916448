/**
 * The sample's login: HTTP Basic (Jakarta Security) against a small identity store of demo users
 * ({@link io.durable.sample.security.DemoUsers}), each with a tenant
 * ({@link io.durable.sample.security.SampleTenant}) and the durable roles, and the rule that every
 * endpoint of the sample's API needs a login ({@link io.durable.sample.security.SampleAccess}). The
 * README says how to replace the demo store with a real one.
 */
package io.durable.sample.security;
