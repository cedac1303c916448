package io.durable.cdi.internal;

/** What an execution asks of the node it runs on. */
interface ExecutionRegistry {

    /** Whether the node is shutting down, so failures are the shutdown's, not the workflow's. */
    boolean stopping();
}
