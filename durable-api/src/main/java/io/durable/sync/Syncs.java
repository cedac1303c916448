package io.durable.sync;

/**
 * Runs syncs: inject it. One call wraps the whole lifecycle: create (or, in a workflow, take over)
 * the tracked run, take the resource's lock, run the body, complete or fail the run, release the
 * lock, and fire {@link SyncCompleted} or {@link SyncFailed}.
 *
 * <p>Called from workflow code, the sync is durable: the lifecycle, every page and every batch are
 * journaled steps of the run, the lock is held under the run's id (so a run resumed after a crash
 * still holds it), and the slice budget splits long syncs into slices. Called anywhere else, the
 * sync runs directly on the calling thread under a new tracked run.
 */
public interface Syncs {

    /**
     * Runs a sync.
     *
     * @param spec the sync
     * @param body the work
     * @param <T>  the body's result type
     * @return the run, final counters and the body's result
     * @throws ResourceLockedException when another live holder has the lock (after waiting, with
     *                                 {@link SyncSpec.OnBusy#WAIT}); nothing ran
     * @throws SyncFailedException     when the body failed; the run is FAILED and the lock released
     */
    <T> SyncResult<T> run(SyncSpec spec, SyncBody<T> body);

    /**
     * The live lock a sync of the caller's tenant holds on a resource, for a quick "already running"
     * answer before starting another one (the sync itself still takes the lock, so a race between two
     * starts is decided there). Locks are kept per tenant: another tenant's sync of the same resource is
     * not seen.
     *
     * @param resource the resource, as in {@link SyncSpec#resource()}
     * @return the lock, while a holder has it and it has not expired
     */
    java.util.Optional<ResourceLock> liveLock(String resource);
}
