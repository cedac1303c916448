package io.durable.cdi.internal;

import io.durable.api.DurableException;
import io.durable.api.NonDeterministicWorkflowException;
import io.durable.api.RunInfo;
import io.durable.api.StepInfo;
import io.durable.spi.Lease;
import io.durable.spi.Park;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The state of one execution of one run on one thread: the journal loaded at its start, the
 * replay position, the step in progress, and whether it must stop (abort) or park. Owned by its
 * thread; only the pause request is set from other threads.
 */
final class Execution {

    private static final ThreadLocal<Execution> CURRENT = new ThreadLocal<>();

    private final RunInfo run;
    private final List<StepInfo> journal;
    private final Map<String, Integer> occurrences = new HashMap<>();
    private final Lease lease;
    private int nextSequence;
    private String currentStepKey;
    private DurableException abortCause;
    private Park park;
    private volatile boolean pauseRequested;

    Execution(RunInfo run, Lease lease, List<StepInfo> journal) {
        this.run = run;
        this.lease = lease;
        this.journal = journal;
        this.pauseRequested = run.paused();
    }

    static Execution current() {
        return CURRENT.get();
    }

    void bind() {
        CURRENT.set(this);
    }

    void unbind() {
        CURRENT.remove();
    }

    RunInfo run() {
        return run;
    }

    Lease lease() {
        return lease;
    }

    int takeSequence() {
        return nextSequence++;
    }

    /** The next position, without taking it (for a version marker that may not be journaled). */
    int peekSequence() {
        return nextSequence;
    }

    String takeStepKey(String name) {
        int occurrence = occurrences.merge(name, 1, Integer::sum);
        return name + "#" + occurrence;
    }

    /** @return the journaled entry at that position, or {@code null} past the end of the journal */
    StepInfo journaled(int sequence) {
        return sequence < journal.size() ? journal.get(sequence) : null;
    }

    /**
     * Checks that the journaled entry at a position is the call the code makes there now; otherwise
     * aborts the execution and throws: the code changed under the run.
     */
    void checkSameCall(int sequence, String key, StepInfo recorded) {
        if (!recorded.stepKey().equals(key)) {
            NonDeterministicWorkflowException e = new NonDeterministicWorkflowException(run.id().value(), sequence,
                    recorded.stepKey(), key);
            abort(e);
            throw e;
        }
    }

    boolean isReplaying() {
        return nextSequence < journal.size();
    }

    boolean inStep() {
        return currentStepKey != null;
    }

    String currentStepKey() {
        return currentStepKey;
    }

    void enterStep(String stepKey) {
        currentStepKey = stepKey;
    }

    void exitStep() {
        currentStepKey = null;
    }

    /**
     * Stops the execution for good: the lease was lost, the journal was written concurrently, the
     * store failed, or the code is not deterministic. Every later step call rethrows the cause, so
     * workflow code that catches it cannot go on.
     */
    void abort(DurableException cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
    }

    DurableException abortCause() {
        return abortCause;
    }

    /**
     * Parks the run here: records why and unwinds the workflow code with {@link Parked}. Should
     * the code catch it, every later durable call throws it again, and the run parks anyway.
     */
    Parked park(Park reason) {
        if (park == null) {
            park = reason;
        }
        return Parked.INSTANCE;
    }

    Park parkRequest() {
        return park;
    }

    /** Throws when the execution must not go on: aborted, or parked already. */
    void checkCanContinue() {
        if (abortCause != null) {
            throw abortCause;
        }
        if (park != null) {
            throw Parked.INSTANCE;
        }
    }

    /** An operator paused the run (seen on this node, or by the lease renewal). */
    void requestPause() {
        pauseRequested = true;
    }

    boolean pauseRequested() {
        return pauseRequested;
    }
}
