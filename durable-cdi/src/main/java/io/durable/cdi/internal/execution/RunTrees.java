package io.durable.cdi.internal.execution;

import io.durable.api.RunInfo;
import io.durable.api.RunTree;
import io.durable.spi.RunFilter;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;

/**
 * Reads a run's tree of child runs, breadth first, with a bound on the runs in all: one query per run
 * in the tree (its children, or whether it has any once the bound is reached), so a request reads at
 * most {@code maxRuns} pages however deep or wide the tree is. A node whose children were cut is
 * marked truncated; of a cut node's children the newest are kept. The tree is assembled bottom up,
 * without recursion.
 */
@ApplicationScoped
class RunTrees {

    @Inject
    WorkflowStore store;

    /** A run of the tree being read. */
    private static final class Node {
        final RunInfo run;
        final List<Node> children = new ArrayList<>();
        boolean truncated;
        RunTree tree;

        Node(RunInfo run) {
            this.run = run;
        }
    }

    /**
     * The tree under a run.
     *
     * @param root    the run, already checked visible to the caller
     * @param maxRuns at most this many runs in the tree, the root included, at least 1
     * @param owner   only children of this owner (a child has its parent's), or {@code null} for all
     * @return the tree, children oldest first
     */
    RunTree read(RunInfo root, int maxRuns, String owner) {
        Node top = new Node(root);
        List<Node> visited = new ArrayList<>();
        Deque<Node> queue = new ArrayDeque<>(List.of(top));
        int budget = maxRuns - 1;
        // each run enters the queue once and costs one query: at most maxRuns iterations
        while (!queue.isEmpty()) {
            Node node = queue.poll();
            visited.add(node);
            RunFilter children = RunFilter.childrenOf(node.run.id()).withOwner(owner);
            if (budget == 0) {
                node.truncated = !store.pageRuns(children, null, 1).isEmpty();
                continue;
            }
            List<RunInfo> page = store.pageRuns(children, null, budget + 1);
            List<RunInfo> kept = page.size() > budget ? page.subList(0, budget) : page;
            node.truncated = page.size() > budget;
            budget -= kept.size();
            for (RunInfo child : kept) {
                Node next = new Node(child);
                node.children.add(next);
                queue.add(next);
            }
            Collections.reverse(node.children);
        }
        // breadth first lists every parent before its children: built in reverse, each child is ready
        for (int i = visited.size() - 1; i >= 0; i--) {
            Node node = visited.get(i);
            node.tree = new RunTree(node.run, node.children.stream().map(c -> c.tree).toList(), node.truncated);
        }
        return top.tree;
    }
}
