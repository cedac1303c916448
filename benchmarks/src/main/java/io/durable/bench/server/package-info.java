/**
 * The in-server driver: deployed with the engine in Payara Micro on PostgreSQL (a WAR that
 * {@code io.durable.bench.compare.ServerBench} assembles from the classpath), it starts N runs from M
 * managed threads and awaits them, or runs lone runs one after the other, and answers with the
 * figures.
 */
package io.durable.bench.server;
