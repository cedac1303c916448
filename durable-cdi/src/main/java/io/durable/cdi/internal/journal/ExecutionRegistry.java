package io.durable.cdi.internal.journal;

import io.durable.api.RunId;

/** What an execution asks of the node it runs on. */
public interface ExecutionRegistry {

    /** Whether the node is shutting down, so failures are the shutdown's, not the workflow's. */
    boolean stopping();

    /** An execution starts on this node (so a local pause reaches it). */
    void executing(Execution execution);

    /** The execution ended. */
    void done(Execution execution);

    /**
     * A run is due at once (a successor, a parent whose child ended). A fired wake-up timer reaches
     * the same entry through {@link io.durable.spi.RecoverySweep#wake}.
     */
    void wake(RunId runId);

    /** A run the execution just stored (a child) may execute here at once, when a slot is free. */
    void offer(RunId runId);

    /**
     * Renews the execution's lease now, after its thread waited: a cancel (the lease is lost) or a
     * pause made on any node then shows on the execution before its next step runs.
     */
    void renewNow(Execution execution);
}
