package io.durable.api;

import java.util.List;
import java.util.Objects;

/**
 * A run with its child runs, recursively: the status snapshot of a workflow that started children.
 *
 * @param run      the run
 * @param children its children, oldest first
 */
public record RunTree(RunInfo run, List<RunTree> children) {

    /** Validates and copies. */
    public RunTree {
        Objects.requireNonNull(run, "run");
        children = List.copyOf(children);
    }
}
