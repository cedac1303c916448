package io.durable.cdi.internal.execution;

import io.durable.api.Limit;
import io.durable.api.OperatorAction;
import io.durable.api.RunFinishedException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.cdi.internal.composition.ChildWorkflows;
import io.durable.cdi.internal.platform.StoreCalls;
import io.durable.spi.RunCursor;
import io.durable.spi.RunFilter;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Cancels a run with all its unfinished descendants, in one transaction: the run, then breadth first
 * the children of every run it cancelled, read a page of {@value #BATCH} at a time, with no cap on
 * their number. A descendant that finished meanwhile is left as it is; one that had finished before
 * is not descended into (its own children were its business). All or nothing: a failure cancels none.
 */
@ApplicationScoped
class CancelCascade {

    /** Children read per query. */
    static final int BATCH = 500;

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    ChildWorkflows children;

    /** What the cascade cancelled, and the parent of the first run to wake. */
    record Outcome(List<RunInfo> cancelled, Optional<RunId> parentToWake) {
    }

    /**
     * Cancels a run and its descendants.
     *
     * @param runId  the run
     * @param action the cancel, with its actor and reason
     * @return the runs cancelled, the run first
     */
    Outcome cancel(RunId runId, OperatorAction action) {
        List<RunInfo> cancelled = new ArrayList<>();
        Optional<RunId> parent = StoreCalls.inTransaction(transactions, "cancelling run " + runId, () -> {
            cancelled.clear();
            RunInfo run = store.control(runId, action);
            cancelled.add(run);
            cancelDescendants(run, action, cancelled);
            return children.notifyParent(run, RunStatus.CANCELLED, null, run.error(), action.at());
        });
        return new Outcome(List.copyOf(cancelled), parent);
    }

    /**
     * Each run is queued once, when this cascade cancels it (a cancelled run is finished and is never
     * cancelled again), so the loop ends after at most as many rounds as there are descendants; each
     * round reads its children a page at a time until a page comes back short.
     */
    private void cancelDescendants(RunInfo root, OperatorAction action, List<RunInfo> cancelled) {
        Deque<RunInfo> parents = new ArrayDeque<>(List.of(root));
        while (!parents.isEmpty()) {
            RunInfo parent = parents.poll();
            OperatorAction cascade = new OperatorAction(OperatorAction.Kind.CANCEL, action.actor(),
                    Limit.REASON.fit("parent run " + parent.id() + " was cancelled"), action.at());
            RunCursor after = null;
            List<RunInfo> page;
            do {
                page = store.pageRuns(RunFilter.childrenOf(parent.id()), after, BATCH);
                for (RunInfo child : page) {
                    if (!child.status().isTerminal()) {
                        cancelChild(child, cascade).ifPresent(run -> {
                            cancelled.add(run);
                            parents.add(run);
                        });
                    }
                }
                after = page.isEmpty() ? null : RunCursor.of(page.get(page.size() - 1));
            } while (page.size() == BATCH);
        }
    }

    private Optional<RunInfo> cancelChild(RunInfo child, OperatorAction cascade) {
        try {
            return Optional.of(store.control(child.id(), cascade));
        } catch (RunFinishedException finishedMeanwhile) {
            return Optional.empty();
        }
    }
}
