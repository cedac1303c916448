package io.durable.testing;

import io.durable.api.RunExport;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.execution.CronScheduler;
import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.spi.RecoverySweep;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.concurrent.locks.LockSupport;

/**
 * What a {@link WorkflowTest} method drives the engine with besides the {@link WorkflowEngine}: the test
 * clock ({@link #advance}), waits for runs that execute on the engine's threads ({@link #awaitQuiet},
 * {@link #awaitStatus}, {@link #awaitResult}), and the replay check of a recorded run ({@link #replay}).
 * Take it as a test method parameter. One kit per test; not for use from several test threads at once.
 *
 * <p>Nothing happens by itself in real time: a wake-up (a sleep, a durable retry, a signal or approval
 * timeout, a schedule's tick) fires when the test moves the clock past it. A short retry wait (2 seconds at
 * most) moves the clock by itself, as if that time had passed.
 */
public final class WorkflowTestKit {

    /** More wake-ups than this within one {@link #advance} means a workflow that parks due at once forever. */
    static final int MAX_WAKE_UPS = 10_000;

    private final WorkflowEngine engine;
    private final InMemoryWorkflowStore store;
    private final Dispatcher dispatcher;
    private final CronScheduler schedules;
    private final Deployment deployment;
    private final TestClock clock;
    private final RecordedRuns recorded;
    private final Duration bound;

    WorkflowTestKit(WorkflowEngine engine, InMemoryWorkflowStore store, Dispatcher dispatcher, CronScheduler schedules,
                    Deployment deployment, TestClock clock, RecordedRuns recorded, Duration bound) {
        this.engine = engine;
        this.store = store;
        this.dispatcher = dispatcher;
        this.schedules = schedules;
        this.deployment = deployment;
        this.clock = clock;
        this.recorded = recorded;
        this.bound = bound;
    }

    /**
     * The engine of this test, as {@code @Inject WorkflowEngine} gives it.
     *
     * @return the engine
     */
    public WorkflowEngine engine() {
        return engine;
    }

    /**
     * The time on the test clock, which the engine uses.
     *
     * @return the current test time
     */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Moves the test clock forward and fires, in time order, every wake-up due up to the new time: a
     * seven-day sleep ends at once, a schedule ({@link io.durable.api.WorkflowSchedule}) starts a run for each
     * of its ticks. A run that wakes and parks again before the new time wakes again
     * (a sleep in a loop), each time with the clock at its own wake time. Returns once the runs have
     * settled ({@link #awaitQuiet}), so the test can assert at once.
     *
     * @param duration how far, zero or more
     * @throws IllegalArgumentException when the duration is negative
     * @throws AssertionError           when runs do not settle within the kit's bound
     * @throws IllegalStateException    when more than 10,000 wake-ups fall within the move
     */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("The test clock moves forward only, not by " + duration);
        }
        Instant target = clock.instant().plus(duration);
        awaitQuiet();
        for (int wakeUps = 0; ; wakeUps++) {
            Optional<Instant> next = Stream.of(nextWake(), nextTick()).flatMap(Optional::stream)
                    .min(Instant::compareTo).filter(at -> !at.isAfter(target));
            if (next.isEmpty()) {
                break;
            }
            if (wakeUps >= MAX_WAKE_UPS) {
                throw new IllegalStateException("More than " + MAX_WAKE_UPS + " wake-ups fell within " + duration
                        + " of test time (the last at " + next.get() + "); does a workflow park due at once in a loop?");
            }
            clock.moveTo(next.get());
            awaitQuiet();
        }
        clock.moveTo(target);
        awaitQuiet();
    }

    /**
     * Waits until no run executes and none is due at the current test time (pending, woken, signalled):
     * every run has finished, or parks until the clock moves or something arrives.
     *
     * @throws AssertionError when runs still execute after the kit's bound ({@link WorkflowTest#awaitSeconds()})
     */
    public void awaitQuiet() {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            if (dispatcher.executingCount() == 0) {
                if (!somethingDue()) {
                    return;
                }
                if (nextTick().filter(at -> !at.isAfter(clock.instant())).isPresent()) {
                    schedules.fireDue();
                }
                dispatcher.poll();
            }
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("The runs did not settle within " + bound + " of real time: "
                        + dispatcher.executingCount() + " executing, running "
                        + store.listRuns(new RunQuery(null, RunStatus.RUNNING, 10)).stream()
                        .map(r -> r.id() + " (" + r.workflowName() + ")").toList()
                        + "; is a step blocked, or waiting in real time?");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /**
     * Waits until a run has a status (or, for {@link RunStatus#SUSPENDED}, has parked and stopped
     * executing).
     *
     * @param runId  the run
     * @param status the status to wait for
     * @return the run in that status
     * @throws AssertionError when it does not reach it within the kit's bound; the message shows where it is
     */
    public RunInfo awaitStatus(RunId runId, RunStatus status) {
        long deadline = System.nanoTime() + bound.toNanos();
        RunInfo run = engine.status(runId);
        while (run.status() != status || status == RunStatus.SUSPENDED && dispatcher.executingCount() > 0) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("Run " + runId + " did not become " + status + " within " + bound + ": "
                        + describe(run));
            }
            LockSupport.parkNanos(1_000_000);
            run = engine.status(runId);
        }
        return run;
    }

    /**
     * Waits until the runs settle, then returns a completed run's output.
     *
     * @param runId      the run
     * @param resultType the output's type
     * @param <R>        the output's type
     * @return the output
     * @throws io.durable.api.WorkflowFailedException when the run failed or was cancelled
     * @throws AssertionError when it has not finished once the runs settled: it parks (the message says
     *                        for what and until when, so the test knows to move the clock or send it
     *                        something), or is BLOCKED
     */
    public <R> R awaitResult(RunId runId, Class<R> resultType) {
        awaitQuiet();
        RunInfo run = engine.status(runId);
        if (!run.status().isTerminal()) {
            throw new AssertionError("Run " + runId + " has not finished: " + describe(run));
        }
        return engine.awaitResult(runId, resultType, bound);
    }

    /**
     * Replays a recorded run against the workflow code of this test, as the replay check before a
     * deployment: the run is loaded into this test's store with its journal and executed so that no
     * step body runs and nothing new is journaled. It passes when the code calls, in every position,
     * the step the journal recorded there, and:
     * <ul>
     *   <li>for a run recorded COMPLETED, FAILED or CONTINUED (its journal is whole), the code reaches
     *       every entry, does nothing more, and ends the same way: the same output (as JSON values),
     *       or the same error;</li>
     *   <li>for a run recorded unfinished (pending, running, parked, blocked, cancelled: its journal is a
     *       prefix), the code fits that prefix: where the recording ends, the replay stops.</li>
     * </ul>
     * The test clock moves to the recorded run's last time first (never back), so the waits it had
     * passed are over. The replayed run stays in the store for further assertions; a run that this test
     * starts later for the same workflow and instance id is a replay check too (it stops before its first
     * step), so give live runs other instance ids.
     *
     * @param export the recorded run ({@link RunExport#fromJson} reads an exported document)
     * @return the replayed run: finished as recorded, or SUSPENDED where the recording ended
     * @throws ReplayMismatchError when the code does not fit the recording; the message is the engine's
     *                             (for a changed step: "Workflow code changed under a running workflow: run
     *                             ... recorded step 'a#1' at position 0 but the code now calls 'b#1' ...")
     * @throws io.durable.api.DuplicateInstanceException when this test has a run of the same workflow and
     *                             instance id
     */
    public RunInfo replay(RunExport export) {
        RunInfo run = export.run();
        awaitQuiet();
        recorded.add(run);
        try {
            store.importRun(export);
        } catch (RuntimeException e) {
            recorded.remove(run);
            throw e;
        }
        clock.moveTo(lastTime(export));
        dispatcher.wake(run.id());
        awaitQuiet();
        return ReplayVerdict.check(run, engine.status(run.id()));
    }

    private Optional<Instant> nextWake() {
        return store.upcomingWakes(1).stream().map(RecoverySweep.Wake::wakeAt).findFirst();
    }

    /** The next tick of a schedule, as the engine's scheduler holds it. */
    private Optional<Instant> nextTick() {
        return deployment.workflows().scheduled().stream().map(w -> schedules.nextTick(w.name()))
                .filter(Objects::nonNull).min(Instant::compareTo);
    }

    private boolean somethingDue() {
        Instant now = clock.instant();
        return Stream.of(nextWake(), nextTick()).flatMap(Optional::stream).anyMatch(at -> !at.isAfter(now))
                || store.listRuns(new RunQuery(null, RunStatus.PENDING, RunQuery.MAX_LIMIT)).stream()
                .anyMatch(r -> !r.paused() && !r.job());
    }

    private String describe(RunInfo run) {
        return run.status() + (run.waitingFor() == null ? "" : ", waiting for " + run.waitingFor())
                + (run.wakeAt() == null ? "" : " until " + run.wakeAt())
                + (run.error() == null ? "" : ", " + run.error())
                + " (test clock at " + clock.instant() + (run.wakeAt() == null ? "" : "; move it with advance")
                + ")";
    }

    /** The latest time the recording holds, apart from a parked run's wake time (not yet reached). */
    private static Instant lastTime(RunExport export) {
        RunInfo run = export.run();
        Instant last = run.createdAt();
        for (Instant t : new Instant[]{run.updatedAt(), run.finishedAt()}) {
            last = later(last, t);
        }
        List<StepInfo> journal = export.journal();
        for (StepInfo entry : journal) {
            last = later(later(last, entry.startedAt()), entry.finishedAt());
        }
        return last;
    }

    private static Instant later(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }
}
