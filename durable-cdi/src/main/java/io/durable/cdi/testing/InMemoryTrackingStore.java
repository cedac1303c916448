package io.durable.cdi.testing;

import io.durable.spi.TrackingStore;
import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.StepLink;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A {@link TrackingStore} in memory, for unit tests: the same semantics as the JPA store (it passes
 * the same contract test) without transactions, so a counter incremented in a step that rolls back
 * stays incremented. Add it to a weld-junit test's bean classes.
 */
@ApplicationScoped
public class InMemoryTrackingStore implements TrackingStore {

    private final Map<String, TrackedRun> runs = new LinkedHashMap<>();
    private final Map<String, Map<String, Long>> counters = new HashMap<>();
    private final Map<String, Owned<TrackedStep>> steps = new LinkedHashMap<>();
    private final Map<String, Owned<TrackedCall>> calls = new LinkedHashMap<>();
    private final Map<String, List<StepLink>> links = new HashMap<>();
    private final Map<String, ResourceLock> locks = new HashMap<>();

    private record Owned<T>(T value, String owner) {
    }

    @Override
    public synchronized void insertRun(TrackedRun run) {
        if (runs.containsKey(run.id())) {
            throw new IllegalArgumentException("a tracked run with id " + run.id() + " exists");
        }
        runs.put(run.id(), withCounters(run, Map.of()));
    }

    @Override
    public synchronized Optional<TrackedRun> findRun(String id, String owner) {
        return Optional.ofNullable(runs.get(id)).filter(r -> r.owner().equals(owner))
                .map(r -> withCounters(r, counters.getOrDefault(id, Map.of())));
    }

    @Override
    public synchronized Optional<String> ownerOf(String id) {
        return Optional.ofNullable(runs.get(id)).map(TrackedRun::owner);
    }

    @Override
    public synchronized boolean updateRun(TrackedRun run) {
        TrackedRun old = runs.get(run.id());
        if (old == null || !old.owner().equals(run.owner())) {
            return false;
        }
        runs.put(run.id(), new TrackedRun(old.id(), run.runType(), run.trigger(), old.owner(), run.status(),
                run.inputJson(), run.outputJson(), run.error(), Map.of(), old.createdAt(), run.startedAt(),
                run.finishedAt()));
        return true;
    }

    @Override
    public synchronized List<TrackedRun> listRuns(TrackedRunQuery query, String owner) {
        return runs.values().stream()
                .filter(r -> r.owner().equals(owner))
                .filter(r -> query.runType() == null || r.runType().equals(query.runType()))
                .filter(r -> query.status() == null || r.status() == query.status())
                .sorted(Comparator.comparing(TrackedRun::createdAt).reversed())
                .limit(query.limit())
                .map(r -> withCounters(r, counters.getOrDefault(r.id(), Map.of())))
                .toList();
    }

    @Override
    public synchronized boolean incrementCounters(String runId, String owner, Map<String, Long> increments) {
        if (findRun(runId, owner).isEmpty()) {
            return false;
        }
        Map<String, Long> values = counters.computeIfAbsent(runId, k -> new LinkedHashMap<>());
        increments.forEach((name, delta) -> values.merge(name, delta, Math::addExact));
        return true;
    }

    @Override
    public synchronized void insertStep(TrackedStep step, String owner) {
        if (steps.containsKey(step.id())) {
            throw new IllegalArgumentException("a tracked step with id " + step.id() + " exists");
        }
        steps.put(step.id(), new Owned<>(step, owner));
    }

    @Override
    public synchronized Optional<TrackedStep> findStep(String id, String owner) {
        return owned(steps.get(id), owner);
    }

    @Override
    public synchronized boolean updateStep(TrackedStep step, String owner) {
        if (findStep(step.id(), owner).isEmpty()) {
            return false;
        }
        steps.put(step.id(), new Owned<>(step, owner));
        return true;
    }

    @Override
    public synchronized List<TrackedStep> listSteps(String runId, String owner) {
        return steps.values().stream().filter(s -> s.owner().equals(owner) && s.value().runId().equals(runId))
                .map(Owned::value).sorted(Comparator.comparing(TrackedStep::createdAt)).toList();
    }

    @Override
    public synchronized void insertCall(TrackedCall call, String owner) {
        calls.put(call.id(), new Owned<>(call, owner));
    }

    @Override
    public synchronized Optional<TrackedCall> findCall(String id, String owner) {
        return owned(calls.get(id), owner);
    }

    @Override
    public synchronized boolean updateCall(TrackedCall call, String owner) {
        if (findCall(call.id(), owner).isEmpty()) {
            return false;
        }
        calls.put(call.id(), new Owned<>(call, owner));
        return true;
    }

    @Override
    public synchronized List<TrackedCall> listCalls(String stepId, String owner) {
        return calls.values().stream().filter(c -> c.owner().equals(owner) && c.value().stepId().equals(stepId))
                .map(Owned::value).sorted(Comparator.comparing(TrackedCall::startedAt)).toList();
    }

    @Override
    public synchronized boolean insertLink(String stepId, String owner, StepLink link) {
        if (findStep(stepId, owner).isEmpty()) {
            return false;
        }
        links.computeIfAbsent(stepId, k -> new ArrayList<>()).add(link);
        return true;
    }

    @Override
    public synchronized List<StepLink> listLinks(String stepId, String owner) {
        return findStep(stepId, owner).isEmpty() ? List.of() : List.copyOf(links.getOrDefault(stepId, List.of()));
    }

    @Override
    public synchronized ResourceLock acquireLock(String resource, String holder, Instant now, Duration ttl) {
        ResourceLock current = locks.get(resource);
        if (current != null && !current.holder().equals(holder) && current.isLive(now)) {
            throw new ResourceLockedException(resource, current.holder(), current.expiresAt());
        }
        Instant acquired = current != null && current.holder().equals(holder) ? current.acquiredAt() : now;
        ResourceLock lock = new ResourceLock(resource, holder, acquired, now.plus(ttl));
        locks.put(resource, lock);
        return lock;
    }

    @Override
    public synchronized boolean renewLock(String resource, String holder, Instant now, Duration ttl) {
        ResourceLock current = locks.get(resource);
        if (current == null || !current.holder().equals(holder)) {
            return false;
        }
        locks.put(resource, new ResourceLock(resource, holder, current.acquiredAt(), now.plus(ttl)));
        return true;
    }

    @Override
    public synchronized boolean releaseLock(String resource, String holder) {
        ResourceLock current = locks.get(resource);
        if (current == null || !current.holder().equals(holder)) {
            return false;
        }
        locks.remove(resource);
        return true;
    }

    @Override
    public synchronized Optional<ResourceLock> findLock(String resource) {
        return Optional.ofNullable(locks.get(resource));
    }

    private static <T> Optional<T> owned(Owned<T> row, String owner) {
        return Optional.ofNullable(row).filter(o -> o.owner().equals(owner)).map(Owned::value);
    }

    private static TrackedRun withCounters(TrackedRun run, Map<String, Long> values) {
        return new TrackedRun(run.id(), run.runType(), run.trigger(), run.owner(), run.status(), run.inputJson(),
                run.outputJson(), run.error(), values, run.createdAt(), run.startedAt(), run.finishedAt());
    }
}
