package io.durable.sync;

/**
 * The work of a sync.
 *
 * @param <T> its result type
 */
@FunctionalInterface
public interface SyncBody<T> {

    /**
     * Does the sync's work.
     *
     * @param sync the sync's context
     * @return a result (stored as the run's output), or {@code null}
     * @throws Exception to fail the sync
     */
    T run(SyncContext sync) throws Exception;
}
