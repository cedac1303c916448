/**
 * The JPA store outside an application server (tests, benchmarks, batch programs): a resource-local
 * persistence unit with transactions the engine demarcates itself.
 */
package io.durable.jpa.se;
