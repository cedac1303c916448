package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
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

    private final Map<RunId, Set<CompletableFuture<Void>>> waiting = new ConcurrentHashMap<>();

    /** One caller's watch on a run; close it when done waiting. */
    final class Watch implements AutoCloseable {

        private final RunId runId;
        private final CompletableFuture<Void> finish = new CompletableFuture<>();

        private Watch(RunId runId) {
            this.runId = runId;
            waiting.compute(runId, (id, watches) -> {
                Set<CompletableFuture<Void>> set = watches != null ? watches : ConcurrentHashMap.newKeySet();
                set.add(finish);
                return set;
            });
        }

        /** Waits until this node finishes the run or the time is up; {@code true} on a local finish. */
        boolean awaitLocalFinish(long millis) throws InterruptedException {
            try {
                finish.get(millis, TimeUnit.MILLISECONDS);
                return true;
            } catch (TimeoutException e) {
                return false;
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

    void finished(RunId runId) {
        Set<CompletableFuture<Void>> watches = waiting.remove(runId);
        if (watches != null) {
            watches.forEach(f -> f.complete(null));
        }
    }
}
