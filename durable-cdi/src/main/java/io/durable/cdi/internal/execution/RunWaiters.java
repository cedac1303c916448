package io.durable.cdi.internal.execution;

import io.durable.api.RunId;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Wakes callers waiting for a run when this node finishes it. Callers also re-read the store now
 * and then, since another node may finish the run.
 */
@ApplicationScoped
class RunWaiters {

    private final Map<RunId, CompletableFuture<Void>> waiting = new ConcurrentHashMap<>();

    /** Waits until this node finishes the run or the time is up; returns early on a local finish. */
    void awaitLocalFinish(RunId runId, long millis) throws InterruptedException {
        CompletableFuture<Void> future = waiting.computeIfAbsent(runId, id -> new CompletableFuture<>());
        try {
            future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            // time to re-read the store
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    void finished(RunId runId) {
        CompletableFuture<Void> future = waiting.remove(runId);
        if (future != null) {
            future.complete(null);
        }
    }
}
