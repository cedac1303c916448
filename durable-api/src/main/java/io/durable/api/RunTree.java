package io.durable.api;

import java.util.List;
import java.util.Objects;

/**
 * A run with its child runs, recursively: the status snapshot of a workflow that started children.
 *
 * @param run       the run
 * @param children  its children, oldest first
 * @param truncated whether children of this run were left out because the tree reached its bound
 *                  (see {@link WorkflowEngine#tree(RunId, int)})
 */
public record RunTree(RunInfo run, List<RunTree> children, boolean truncated) {

    /** Validates and copies. */
    public RunTree {
        Objects.requireNonNull(run, "run");
        children = List.copyOf(children);
    }

    /**
     * A complete tree node.
     *
     * @param run      the run
     * @param children its children, oldest first
     */
    public RunTree(RunInfo run, List<RunTree> children) {
        this(run, children, false);
    }
}
