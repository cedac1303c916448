package io.durable.cdi.internal.journal;

import io.durable.api.DurableException;
import io.durable.api.NonDeterministicWorkflowException;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowUsageException;
import io.durable.spi.Park;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Where one thread of workflow code stands in its run's journal: the workflow method itself (the
 * root scope, path {@code ""}), a parallel branch ({@code @parallel:NAME#n/BRANCH}), or the saga's
 * compensations ({@code @saga}). A scope has its own replay position and step-key occurrences, so
 * concurrent branches never disturb each other's determinism check. Step keys carry the scope's
 * path; names never contain {@code /}, so the scope of a journal entry is the part of its key before
 * the last {@code /}.
 */
public final class Scope {

    public static final String SAGA = "@saga";

    private static final ThreadLocal<Scope> CURRENT = new ThreadLocal<>();

    private final Execution execution;
    private final String path;
    private final List<StepInfo> journal;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private int position;
    private String currentStepKey;
    private Runnable openStepEntry;
    private Park park;
    private volatile boolean cancelled;

    public Scope(Execution execution, String path, List<StepInfo> journal) {
        this.execution = execution;
        this.path = path;
        this.journal = journal;
    }

    /** The scope path of a journal entry's key. */
    static String scopeOf(String stepKey) {
        int slash = stepKey.lastIndexOf('/');
        return slash < 0 ? "" : stepKey.substring(0, slash);
    }

    public static Scope current() {
        return CURRENT.get();
    }

    /** Binds this scope to the calling thread; returns what was bound before, to restore. */
    public Scope bind() {
        Scope previous = CURRENT.get();
        CURRENT.set(this);
        return previous;
    }

    public static void restore(Scope previous) {
        if (previous == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(previous);
        }
    }

    public Execution execution() {
        return execution;
    }

    public String path() {
        return path;
    }

    public boolean isRoot() {
        return path.isEmpty();
    }

    /** A nested scope (a branch of a parallel block at the given key). */
    public Scope branch(String parallelKey, String branchName) {
        String branchPath = parallelKey + "/" + branchName;
        return new Scope(execution, branchPath, execution.entries(branchPath));
    }

    public int takePosition() {
        return position++;
    }

    /** The next position, without taking it (for a version marker that may not be journaled). */
    public int peekPosition() {
        return position;
    }

    public String takeStepKey(String name) {
        int occurrence = occurrences.merge(name, 1, Integer::sum);
        String local = name + "#" + occurrence;
        return RunLimits.checkStepKey(execution, path.isEmpty() ? local : path + "/" + local);
    }

    /** How often this scope has taken a key under this name so far. */
    public int occurrences(String name) {
        return occurrences.getOrDefault(name, 0);
    }

    /**
     * The journaled entry at a position, or {@code null} past the end of this scope's journal, where the
     * call with this key is new work (see {@link #newWork}). A run that replays to run its
     * compensations must not get past its journal: its code did not fail the same way again.
     */
    public StepInfo journaled(int index, String key) {
        if (index < journal.size()) {
            return journal.get(index);
        }
        if (execution.compensating() && !SAGA.equals(path)) {
            WorkflowUsageException e = new WorkflowUsageException("Run " + execution.run().id() + " is compensating, "
                    + "but replaying its code reached new work at position " + index + " of scope '" + path
                    + "' instead of failing as before; the workflow is not deterministic");
            execution.abort(e);
            throw e;
        }
        newWork(index, key);
        return null;
    }

    /** The journaled entry at a position, or {@code null}: a look ahead that does no work itself. */
    public StepInfo peek(int index) {
        return index < journal.size() ? journal.get(index) : null;
    }

    /**
     * The code is about to do new work (a step body, a new journal entry) at a position. A live
     * execution does it. A replay check of a recorded run never does: past a finished run's journal
     * the code is not the code that ran (the engine's non-determinism error, which aborts the
     * execution); past an unfinished run's journal the recording ends, and the run parks there
     * ({@link ReplayChecks#END_OF_RECORDING}).
     */
    public void newWork(int index, String key) {
        RunStatus recorded = execution.replayOf();
        if (recorded == null) {
            return;
        }
        if (ReplayChecks.finished(recorded)) {
            NonDeterministicWorkflowException e = NonDeterministicWorkflowException.pastTheEnd(
                    execution.run().id().value(), index, key, recorded);
            execution.abort(e);
            throw e;
        }
        throw park(ReplayChecks.END_OF_RECORDING);
    }

    /**
     * Checks that the journaled entry at a position is the call the code makes there now; otherwise
     * aborts the execution and throws: the code changed under the run.
     */
    public void checkSameCall(int index, String key, StepInfo recorded) {
        if (!recorded.stepKey().equals(key)) {
            NonDeterministicWorkflowException e = new NonDeterministicWorkflowException(execution.run().id().value(),
                    index, recorded.stepKey(), key);
            execution.abort(e);
            throw e;
        }
        execution.reached(recorded);
    }

    public boolean isReplaying() {
        return position < journal.size();
    }

    public boolean inStep() {
        return currentStepKey != null;
    }

    public String currentStepKey() {
        return currentStepKey;
    }

    public void enterStep(String stepKey) {
        enterStep(stepKey, null);
    }

    /**
     * Enters a step whose journal entry can be written early, as RUNNING, when tracking asks for the
     * step's row while its body executes.
     */
    public void enterStep(String stepKey, Runnable openEntry) {
        currentStepKey = stepKey;
        openStepEntry = openEntry;
    }

    /**
     * Makes sure the current step has its journal row (RUNNING until its outcome replaces it).
     *
     * @return {@code false} when this step cannot have one early (a compensation)
     */
    public boolean openStepEntry() {
        if (openStepEntry == null) {
            return false;
        }
        openStepEntry.run();
        return true;
    }

    public void exitStep() {
        currentStepKey = null;
        openStepEntry = null;
    }

    /**
     * Parks this scope here: records why and unwinds its code with {@link Parked}. Should the code
     * catch it, every later durable call throws it again.
     */
    public Parked park(Park reason) {
        if (park == null) {
            park = reason;
        }
        return Parked.INSTANCE;
    }

    public Park parkRequest() {
        return park;
    }

    /** A sibling branch failed under fail-fast: this branch stops at its next durable call. */
    public void cancel() {
        cancelled = true;
    }

    /** Throws when the code must not go on: aborted, continued, parked or cancelled. */
    public void checkCanContinue() {
        DurableException aborted = execution.abortCause();
        if (aborted != null) {
            throw aborted;
        }
        if (execution.continued()) {
            throw ContinuedAsNew.INSTANCE;
        }
        if (park != null) {
            throw Parked.INSTANCE;
        }
        if (cancelled) {
            throw BranchCancelled.INSTANCE;
        }
    }

    /** Parks for a pause at a step boundary before new work, when an operator asked for one. */
    public void checkPause() {
        if (!isReplaying() && execution.pauseRequested()) {
            throw park(new Park(null, "pause", null));
        }
    }

    /** Fails a durable operation called inside a step, or in a scope that must not do new work. */
    public void checkUsable(String operation) {
        checkCanContinue();
        if (inStep()) {
            throw new WorkflowUsageException(operation + " was called inside step " + currentStepKey + " of run "
                    + execution.run().id() + "; durable operations belong to the workflow method, between steps");
        }
    }
}
