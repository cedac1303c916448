package io.durable.cdi.internal.journal;

import io.durable.api.DurableException;
import io.durable.api.NonDeterministicWorkflowException;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.cdi.internal.platform.TraceSpan;
import io.durable.cdi.internal.time.Interruptible;
import io.durable.spi.Lease;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The state of one execution of one run: the journal loaded at its start (split by scope), the
 * next journal sequence, whether it must stop (abort), the pause request, the continuation, and
 * the saga's registered compensations. Shared by the threads of its parallel branches; each thread
 * works in a {@link Scope} of its own.
 */
public final class Execution implements Interruptible {

    private final RunInfo run;
    private final Lease lease;
    private final Map<String, List<StepInfo>> scopes = new HashMap<>();
    private final AtomicInteger nextSequence;
    private final List<Compensation> compensations = new ArrayList<>();
    private final Scope root;
    private final Instant sliceStart;
    private final RunStatus replayOf;
    private final Set<Integer> reached = ConcurrentHashMap.newKeySet();
    private volatile DurableException abortCause;
    private volatile boolean pauseRequested;
    private volatile boolean compensating;
    private String continuation;
    private boolean continued;
    private volatile TraceSpan span = TraceSpan.NONE;

    public Execution(RunInfo run, Lease lease, List<StepInfo> journal, Instant sliceStart) {
        this(run, lease, journal, sliceStart, null);
    }

    /**
     * An execution; {@code replayOf} is {@code null} for a live one, else the status a recorded run
     * ended in, which a replay check replays without doing new work (see {@link Scope#newWork}).
     */
    public Execution(RunInfo run, Lease lease, List<StepInfo> journal, Instant sliceStart, RunStatus replayOf) {
        this.run = run;
        this.replayOf = replayOf;
        this.sliceStart = sliceStart;
        this.lease = lease;
        this.pauseRequested = run.paused();
        this.compensating = run.status() == RunStatus.COMPENSATING;
        int highest = -1;
        for (StepInfo entry : journal) {
            scopes.computeIfAbsent(Scope.scopeOf(entry.stepKey()), k -> new ArrayList<>()).add(entry);
            highest = Math.max(highest, entry.sequence());
        }
        this.nextSequence = new AtomicInteger(highest + 1);
        this.root = new Scope(this, "", entries(""));
    }

    public RunInfo run() {
        return run;
    }

    /** The span of this execution, parent of its steps' spans; {@link TraceSpan#NONE} without tracing. */
    public TraceSpan span() {
        return span;
    }

    /**
     * Sets the span of this execution, once it has started.
     *
     * @param traced the span, current on the run's thread
     */
    public void traced(TraceSpan traced) {
        this.span = traced == null ? TraceSpan.NONE : traced;
    }

    /** When this execution (the run's current slice) began. */
    public Instant sliceStart() {
        return sliceStart;
    }

    public Lease lease() {
        return lease;
    }

    /** In a replay check, how the recorded run ended (or stood); {@code null} in a live execution. */
    public RunStatus replayOf() {
        return replayOf;
    }

    /** The code replayed a journal entry (a replay check counts them, to find those it never reached). */
    void reached(StepInfo entry) {
        if (replayOf != null) {
            reached.add(entry.sequence());
        }
    }

    /**
     * In a replay check, the first journal entry the code did not reach, as the mismatch of code that
     * now ends the run early; empty in a live execution, or when the code reached every entry.
     *
     * @param ending how the code ends the run now
     * @return the mismatch, naming the entry's position in its scope
     */
    public Optional<NonDeterministicWorkflowException> unreached(RunStatus ending) {
        if (replayOf == null) {
            return Optional.empty();
        }
        StepInfo first = null;
        int position = 0;
        for (List<StepInfo> entries : scopes.values()) {
            for (int i = 0; i < entries.size(); i++) {
                StepInfo entry = entries.get(i);
                if (!reached.contains(entry.sequence()) && (first == null || entry.sequence() < first.sequence())) {
                    first = entry;
                    position = i;
                }
            }
        }
        return first == null ? Optional.empty() : Optional.of(NonDeterministicWorkflowException.endsEarly(
                run.id().value(), position, first.stepKey(), ending));
    }

    /** The scope of the workflow method itself. */
    public Scope root() {
        return root;
    }

    /** The journaled entries of one scope, in journal order. */
    public List<StepInfo> entries(String scopePath) {
        return scopes.getOrDefault(scopePath, List.of());
    }

    /** The sequence for a new journal entry: unique in the run, increasing in the order of writing. */
    public int newSequence() {
        return nextSequence.getAndIncrement();
    }

    /**
     * Stops the execution for good: the lease was lost, the journal was written concurrently, the
     * store failed, or the code is not deterministic. Every later durable call (in every branch)
     * rethrows the cause, so workflow code that catches it cannot go on.
     */
    public synchronized void abort(DurableException cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
        notifyAll();
    }

    public DurableException abortCause() {
        return abortCause;
    }

    /** An operator paused the run (seen on this node, or by the lease renewal). */
    public synchronized void requestPause() {
        pauseRequested = true;
        notifyAll();
    }

    /**
     * Waits on the run's thread (a retry back-off) until the time is up or the execution must stop
     * or pause, whichever comes first: a cancel or a pause is seen before anything else runs.
     *
     * @param wait how long at most
     * @throws InterruptedException when the engine stops meanwhile
     */
    @Override
    public synchronized void awaitUnlessStopped(Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        for (long left = wait.toNanos(); left > 0 && abortCause == null && !pauseRequested;
             left = deadline - System.nanoTime()) {
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    boolean pauseRequested() {
        return pauseRequested;
    }

    /** Whether the run failed before and this execution replays it to run its compensations. */
    public boolean compensating() {
        return compensating;
    }

    public void startCompensating() {
        compensating = true;
    }

    /** The workflow asked to continue as a new run with this input; it unwinds with {@link ContinuedAsNew}. */
    public synchronized ContinuedAsNew continueAsNew(String inputJson) {
        if (!continued) {
            continued = true;
            continuation = inputJson;
        }
        return ContinuedAsNew.INSTANCE;
    }

    public synchronized boolean continued() {
        return continued;
    }

    public synchronized String continuation() {
        return continuation;
    }

    /** A completed step with a compensation: recorded on execution and on replay alike. */
    synchronized void register(Compensation compensation) {
        compensations.add(compensation);
    }

    /** The registered compensations, newest step first. */
    public synchronized List<Compensation> compensationsNewestFirst() {
        List<Compensation> ordered = new ArrayList<>(compensations);
        ordered.sort(Comparator.comparingInt(Compensation::sequence).reversed());
        return ordered;
    }
}
