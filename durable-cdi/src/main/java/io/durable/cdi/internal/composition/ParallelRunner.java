package io.durable.cdi.internal.composition;

import io.durable.api.Branches;
import io.durable.api.DurableException;
import io.durable.api.Limit;
import io.durable.api.ParallelFailedException;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.journal.BranchCancelled;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.Parked;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.spi.Park;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the branches of a parallel block, each on a thread of its own with a {@link Scope} of its
 * own, and joins them. The join's outcome (success, or the branches' failures) is journaled at the
 * block's position in the calling scope; a replay that meets it replays a successful block's
 * branches on the calling thread, and rethrows a failed block's failure without running anything.
 */
@ApplicationScoped
public class ParallelRunner {

    /** The error type of a failed join's journal entry. */
    public static final String FAILED = "parallel-failed";

    @Inject
    EngineThreads threads;

    @Inject
    DurableOps ops;

    <T> Map<String, T> run(Scope scope, String name, Branches<T> branches) {
        Objects.requireNonNull(branches, "branches");
        if (name == null || name.isBlank() || name.length() > Limit.BLOCK_NAME.max() || name.contains("/")
                || name.contains("#") || name.startsWith("@")) {
            throw new WorkflowUsageException("A parallel block's name must be 1 to " + Limit.BLOCK_NAME.max()
                    + " characters (" + Limit.BLOCK_NAME.key() + ") without '/' or '#', not starting with '@'; got '" + name + "'");
        }
        if (branches.branches().isEmpty()) {
            throw new WorkflowUsageException("Parallel block '" + name + "' has no branch");
        }
        scope.checkUsable("parallel");
        scope.checkPause();
        Execution execution = scope.execution();
        int position = scope.takePosition();
        String key = scope.takeStepKey("@parallel:" + name);
        StepInfo recorded = scope.journaled(position, key);
        List<Branch<T>> forks = new ArrayList<>();
        branches.branches().forEach((branch, body) -> forks.add(new Branch<>(branch, body, scope.branch(key, branch))));
        if (recorded != null) {
            scope.checkSameCall(position, key, recorded);
            if (FAILED.equals(recorded.errorType())) {
                throw new ParallelFailedException(execution.run().id().value(), key, failures(recorded.resultJson()));
            }
            forks.forEach(Branch::run);
            return replayedResults(execution, key, forks);
        }
        fork(forks, branches.join() == Branches.Join.FAIL_FAST);
        DurableException aborted = execution.abortCause();
        if (aborted != null) {
            throw aborted;
        }
        Map<String, ParallelFailedException.BranchFailure> failures = new LinkedHashMap<>();
        List<Branch<T>> parked = new ArrayList<>();
        for (Branch<T> fork : forks) {
            if (fork.failure != null) {
                failures.put(fork.name, new ParallelFailedException.BranchFailure(fork.failure.getClass().getName(),
                        Limit.ERROR.fit(String.valueOf(fork.failure.getMessage()))));
            } else if (fork.scope.parkRequest() != null) {
                parked.add(fork);
            }
        }
        boolean failFast = branches.join() == Branches.Join.FAIL_FAST;
        if (!failures.isEmpty() && (failFast || parked.isEmpty())) {
            ops.append(execution, "parallel block " + key, key, "@parallel:" + name, json(failures), FAILED,
                    failures.size() + " branch(es) failed");
            throw new ParallelFailedException(execution.run().id().value(), key, failures);
        }
        if (!parked.isEmpty()) {
            throw scope.park(merge(parked));
        }
        ops.append(execution, "parallel block " + key, key, "@parallel:" + name, null, null, null);
        return results(forks);
    }

    /** Runs the branches concurrently and waits until every one has finished, failed, parked or stopped. */
    private <T> void fork(List<Branch<T>> forks, boolean failFast) {
        CountDownLatch done = new CountDownLatch(forks.size());
        for (Branch<T> fork : forks) {
            threads.branches().execute(() -> {
                try {
                    fork.run();
                    if (fork.failure != null && failFast) {
                        forks.forEach(sibling -> sibling.scope.cancel());
                    }
                } finally {
                    done.countDown();
                }
            });
        }
        boolean interrupted = false;
        while (true) {
            try {
                done.await();
                break;
            } catch (InterruptedException e) {
                // the branches use this run's lease: the block cannot return before they stopped
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static <T> Map<String, T> results(List<Branch<T>> forks) {
        Map<String, T> results = new LinkedHashMap<>();
        forks.forEach(fork -> results.put(fork.name, fork.result));
        return Collections.unmodifiableMap(results);
    }

    private static <T> Map<String, T> replayedResults(Execution execution, String key, List<Branch<T>> forks) {
        DurableException aborted = execution.abortCause();
        if (aborted != null) {
            throw aborted;
        }
        for (Branch<T> fork : forks) {
            if (!fork.completed) {
                WorkflowUsageException e = new WorkflowUsageException("Parallel block " + key + " of run "
                        + execution.run().id() + " completed before, but its branch '" + fork.name + "' does not "
                        + "complete on replay"
                        + (fork.failure == null ? "" : " (" + fork.failure + ")") + "; the workflow is not deterministic");
                execution.abort(e);
                throw e;
            }
        }
        return results(forks);
    }

    /** One park for the run from the parks of several branches: the earliest wake, any of their signals. */
    static Park merge(List<? extends Branch<?>> parked) {
        Instant wake = null;
        Set<String> signals = new LinkedHashSet<>();
        StringBuilder waitingFor = new StringBuilder();
        for (Branch<?> branch : parked) {
            Park park = branch.scope.parkRequest();
            if (park.wakeAt() == null && park.awaitedSignal() == null) {
                return park;
            }
            if (park.wakeAt() != null && (wake == null || park.wakeAt().isBefore(wake))) {
                wake = park.wakeAt();
            }
            if (park.awaitedSignal() != null) {
                signals.add(park.awaitedSignal());
            }
            waitingFor.append(waitingFor.length() == 0 ? "" : "; ").append(branch.name).append(": ")
                    .append(park.waitingFor());
        }
        String signal = signals.isEmpty() ? null : Park.anyOf(signals);
        return new Park(wake, DurableOps.waitingFor(waitingFor.toString()), signal);
    }

    private static String json(Map<String, ParallelFailedException.BranchFailure> failures) {
        JsonObjectBuilder object = Json.createObjectBuilder();
        failures.forEach((branch, failure) -> object.add(branch, Json.createObjectBuilder()
                .add("type", failure.errorType()).add("message", failure.message())));
        return object.build().toString();
    }

    private static Map<String, ParallelFailedException.BranchFailure> failures(String json) {
        Map<String, ParallelFailedException.BranchFailure> failures = new LinkedHashMap<>();
        try (var reader = Json.createReader(new StringReader(json))) {
            for (Map.Entry<String, JsonValue> entry : reader.readObject().entrySet()) {
                JsonObject failure = entry.getValue().asJsonObject();
                failures.put(entry.getKey(), new ParallelFailedException.BranchFailure(failure.getString("type"),
                        failure.getString("message")));
            }
        }
        return failures;
    }

    /** One branch: its code, its scope, and how it ended. */
    static final class Branch<T> {
        final String name;
        final Callable<? extends T> body;
        final Scope scope;
        T result;
        Throwable failure;
        boolean completed;

        Branch(String name, Callable<? extends T> body, Scope scope) {
            this.name = name;
            this.body = body;
            this.scope = scope;
        }

        void run() {
            Scope previous = scope.bind();
            try {
                T value = body.call();
                if (scope.parkRequest() == null && scope.execution().abortCause() == null) {
                    result = value;
                    completed = true;
                }
            } catch (Parked | BranchCancelled stopped) {
                // parked: the scope holds why; cancelled: a sibling's failure is the story
            } catch (Throwable t) {
                // an abort is the execution's, a park the scope's; anything else is this branch's failure
                if (scope.execution().abortCause() == null && scope.parkRequest() == null) {
                    failure = t;
                }
            } finally {
                Scope.restore(previous);
            }
        }
    }
}
