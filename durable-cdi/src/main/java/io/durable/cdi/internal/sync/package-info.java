/**
 * The sync toolkit: the sync lifecycle ({@link io.durable.cdi.internal.sync.DefaultSyncs}) and its
 * two runs, inside workflow code (every fetch and page a step) and outside it (tracked, retried on
 * the calling thread).
 *
 * <p>May use: {@code tracking}, {@code journal}, {@code definition}, {@code time}, {@code json}.
 */
package io.durable.cdi.internal.sync;
