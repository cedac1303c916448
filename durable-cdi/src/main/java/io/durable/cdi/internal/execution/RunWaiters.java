package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes callers waiting for a run when this node finishes it. A caller watches the run before it
 * reads the run's status, so a finish between that read and its wait still wakes it; callers also
 * re-read the store now and then, since another node may finish the run.
 */
@ApplicationScoped
class RunWaiters {

    private final Map<RunId, Set<CompletableFuture<RunInfo>>> waiting = new ConcurrentHashMap<>();
    /** Runs that ended in an execution still holding its slot, with their outcome where known. */
    private final Map<RunId, Optional<RunInfo>> ending = new ConcurrentHashMap<>();
    /** Ends for callers that come after them: 1,000 runs, 4 M characters, 10 s at most. */
    private final RecentOutcomes recent = new RecentOutcomes(1_000, 4_000_000, TimeUnit.SECONDS.toNanos(10),
            System::nanoTime);

    /** One caller's watch on a run; close it when done waiting. */
    final class Watch implements AutoCloseable {

        private final RunId runId;
        private final CompletableFuture<RunInfo> finish = new CompletableFuture<>();

        private Watch(RunId runId) {
            this.runId = runId;
            waiting.compute(runId, (id, watches) -> {
                Set<CompletableFuture<RunInfo>> set = watches != null ? watches : ConcurrentHashMap.newKeySet();
                set.add(finish);
                return set;
            });
        }

        /**
         * Waits until this node finishes the run or the time is up.
         *
         * @return the run as it ended here, when this node knows it; {@code null} when the time is up
         *     or the run's end must be read from the store
         */
        RunInfo awaitLocalFinish(long millis) throws InterruptedException {
            try {
                return finish.get(millis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                return null;
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void close() {
            waiting.computeIfPresent(runId, (id, watches) -> {
                watches.remove(finish);
                return watches.isEmpty() ? null : watches;
            });
        }
    }

    /** Starts watching a run: call before reading its status. */
    Watch watch(RunId runId) {
        return new Watch(runId);
    }

    /** The run ended here (cancelled, say): wakes its watchers, who read its end from the store. */
    void finished(RunId runId) {
        complete(runId, null);
    }

    /**
     * The run ended in an execution on this node, which still holds the run's slot: its watchers are
     * woken by {@link #released} once the slot is free, so a caller that starts its next run at once
     * finds a slot.
     *
     * @param runId   the run
     * @param outcome the run as it ended, or {@code null} when the watchers should read it
     */
    void ended(RunId runId, RunInfo outcome) {
        ending.put(runId, Optional.ofNullable(outcome));
    }

    /** The execution of a run let go of it: wakes the run's watchers if the run ended. */
    void released(RunId runId) {
        Optional<RunInfo> outcome = ending.remove(runId);
        if (outcome != null) {
            complete(runId, outcome.orElse(null));
        }
    }

    /**
     * The run's end, when it ended on this node a moment ago (terminal ends only, which never change).
     *
     * @param runId the run
     * @return its end, or {@code null} when it must be read from the store
     */
    RunInfo recentlyEnded(RunId runId) {
        return recent.get(runId);
    }

    private void complete(RunId runId, RunInfo outcome) {
        // kept before the watchers are taken: a caller that watches from now on finds it
        recent.ended(outcome);
        Set<CompletableFuture<RunInfo>> watches = waiting.remove(runId);
        if (watches != null) {
            watches.forEach(f -> f.complete(outcome));
        }
    }
}
