package io.durable.cdi.internal;

import io.durable.api.RunId;

/** What an execution asks of the node it runs on. */
interface ExecutionRegistry {

    /** Whether the node is shutting down, so failures are the shutdown's, not the workflow's. */
    boolean stopping();

    /** An execution starts on this node (so a local pause reaches it). */
    void executing(Execution execution);

    /** The execution ended. */
    void done(Execution execution);

    /** A parked run is due (a timer fired, or it is due at once). */
    void wake(RunId runId);

    /**
     * Renews the execution's lease now, after its thread waited: a cancel (the lease is lost) or a
     * pause made on any node then shows on the execution before its next step runs.
     */
    void renewNow(Execution execution);
}
