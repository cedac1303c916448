package io.durable.cdi.internal;

import io.durable.api.RunId;

/** What an execution tells the node about itself while it runs. */
interface ExecutionRegistry {

    /** The run is executing on this thread; its lease is renewed through the execution. */
    void executing(RunId runId, Execution execution);

    /** Whether the node is shutting down, so failures are the shutdown's, not the workflow's. */
    boolean stopping();
}
