package io.durable.testing;

import io.durable.api.RunId;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.TrackingStore;
import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.StepLink;
import io.durable.track.StepProgress;
import io.durable.track.TrackStatus;
import io.durable.track.TrackedCall;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedRunQuery;
import io.durable.track.TrackedStep;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A {@link TrackingStore} in memory, for unit tests, over the rows of the {@link InMemoryWorkflowStore}:
 * a tracked job is a run row of that store, a workflow's steps are its journal. The same semantics
 * as the JPA store (it passes the same contract test) without transactions, so a counter incremented
 * in a step that rolls back stays incremented. Add both to a weld-junit test's bean classes.
 */
@ApplicationScoped
public class InMemoryTrackingStore implements TrackingStore {

    @Inject
    InMemoryWorkflowStore workflows;

    // what the JPA store keeps in other columns and tables: tracked steps that are not journal entries,
    // journal entries' progress, calls, links, counters; all guarded by the workflow store's lock
    private final Map<String, TrackedStep> tracked = new LinkedHashMap<>();
    private final Map<String, StepProgress> progress = new HashMap<>();
    private final Map<String, TrackedCall> calls = new LinkedHashMap<>();
    private final Map<String, List<StepLink>> links = new HashMap<>();
    private final Map<String, Map<String, Long>> counters = new HashMap<>();
    private final Map<String, ResourceLock> locks = new HashMap<>();

    /** For the container. */
    public InMemoryTrackingStore() {
    }

    /**
     * Tracking over a workflow store's rows, outside a container.
     *
     * @param workflows the workflow store
     */
    public InMemoryTrackingStore(InMemoryWorkflowStore workflows) {
        this.workflows = workflows;
    }

    private <T> T locked(Function<InMemoryWorkflowStore, T> work) {
        return workflows.locked(work);
    }

    @Override
    public void insertRun(TrackedRun run) {
        if (run.workflow()) {
            throw new IllegalArgumentException("run " + run.id() + " is a workflow run: the engine creates those");
        }
        locked(db -> {
            RunId id = new RunId(run.id());
            if (db.runs.containsKey(id)) {
                throw new IllegalArgumentException("a run with id " + run.id() + " exists");
            }
            InMemoryWorkflowStore.Row row = new InMemoryWorkflowStore.Row();
            row.id = id;
            row.job = true;
            row.holdsKey = false;
            row.workflowName = run.runType();
            row.instanceId = run.id();
            row.owner = run.owner();
            row.trigger = run.trigger();
            row.status = run.status();
            row.inputJson = run.inputJson();
            row.outputJson = run.outputJson();
            row.error = run.error();
            row.createdAt = run.createdAt();
            row.updatedAt = run.createdAt();
            row.startedAt = run.startedAt();
            row.finishedAt = run.finishedAt();
            db.runs.put(id, row);
            db.journals.put(id, new ArrayList<>());
            return null;
        });
    }

    private static Optional<InMemoryWorkflowStore.Row> owned(InMemoryWorkflowStore db, String runId, String owner) {
        if (runId == null || runId.isBlank() || runId.length() > 64) {
            return Optional.empty();
        }
        return Optional.ofNullable(db.runs.get(new RunId(runId))).filter(r -> r.owner.equals(owner));
    }

    private TrackedRun view(InMemoryWorkflowStore.Row row) {
        return new TrackedRun(row.id.value(), row.workflowName, row.trigger, row.owner, row.status, row.inputJson,
                row.outputJson, row.error, counters.getOrDefault(row.id.value(), Map.of()), row.createdAt, row.startedAt,
                row.finishedAt, !row.job);
    }

    @Override
    public Optional<TrackedRun> findRun(String id, String owner) {
        return locked(db -> owned(db, id, owner).map(this::view));
    }

    @Override
    public boolean updateRun(TrackedRun run) {
        return locked(db -> owned(db, run.id(), run.owner()).filter(r -> r.job).map(row -> {
            row.status = run.status();
            row.outputJson = run.outputJson();
            row.error = run.error();
            row.startedAt = run.startedAt();
            row.finishedAt = run.finishedAt();
            row.updatedAt = run.finishedAt() != null ? run.finishedAt() : run.startedAt() != null ? run.startedAt()
                    : row.createdAt;
            return true;
        }).orElse(false));
    }

    @Override
    public List<TrackedRun> listRuns(TrackedRunQuery query, String owner) {
        return locked(db -> db.newestFirst().stream()
                .filter(r -> r.owner.equals(owner))
                .filter(r -> query.runType() == null || r.workflowName.equals(query.runType()))
                .filter(r -> query.status() == null || r.status == query.status())
                .limit(query.limit())
                .map(this::view)
                .toList());
    }

    @Override
    public boolean incrementCounters(String runId, String owner, Map<String, Long> increments) {
        return locked(db -> {
            if (owned(db, runId, owner).isEmpty()) {
                return false;
            }
            Map<String, Long> values = counters.computeIfAbsent(runId, k -> new LinkedHashMap<>());
            increments.forEach((name, delta) -> values.merge(name, delta, Math::addExact));
            return true;
        });
    }

    @Override
    public boolean insertStep(TrackedStep step, String owner) {
        String[] ref = split(step.id());
        if (ref == null || !ref[0].equals(step.runId()) || !ref[1].startsWith(TRACKED_KEY_PREFIX)) {
            throw new IllegalArgumentException("a tracked step's id comes from TrackingStore.newStepId, got " + step.id());
        }
        return locked(db -> {
            if (owned(db, step.runId(), owner).isEmpty()) {
                return false;
            }
            if (tracked.containsKey(step.id())) {
                throw new IllegalArgumentException("a step with id " + step.id() + " exists");
            }
            tracked.put(step.id(), step);
            return true;
        });
    }

    @Override
    public Optional<TrackedStep> findStep(String id, String owner) {
        return locked(db -> step(db, id, owner));
    }

    private Optional<TrackedStep> step(InMemoryWorkflowStore db, String id, String owner) {
        String[] ref = split(id);
        if (ref == null) {
            return Optional.empty();
        }
        return owned(db, ref[0], owner).flatMap(row -> {
            if (tracked.containsKey(id)) {
                return Optional.of(tracked.get(id));
            }
            return db.journals.getOrDefault(row.id, List.of()).stream().filter(e -> e.stepKey().equals(ref[1]))
                    .findFirst().map(e -> journaled(row, e));
        });
    }

    private TrackedStep journaled(InMemoryWorkflowStore.Row row, StepInfo e) {
        String id = row.id.value() + ":" + e.stepKey();
        boolean open = e.status() == StepStatus.RETRYING || e.status() == StepStatus.RUNNING;
        Instant created = e.startedAt() != null ? e.startedAt() : e.finishedAt() != null ? e.finishedAt() : row.createdAt;
        return new TrackedStep(id, row.id.value(), null, e.name(), open ? TrackStatus.RUNNING : TrackStatus.valueOf(
                e.status().name()), progress.get(id), null, e.resultJson(), e.error(), created, e.startedAt(),
                open ? null : e.finishedAt(), true);
    }

    @Override
    public boolean updateStep(TrackedStep step, String owner) {
        return locked(db -> step(db, step.id(), owner).map(found -> {
            if (found.durable()) {
                progress.put(step.id(), step.progress()); // a journal entry's outcome is the engine's
            } else {
                tracked.put(step.id(), new TrackedStep(found.id(), found.runId(), found.parentStepId(), found.stepType(),
                        step.status(), step.progress(), found.inputJson(), step.outputJson(), step.error(),
                        found.createdAt(), step.startedAt(), step.finishedAt(), false));
            }
            return true;
        }).orElse(false));
    }

    @Override
    public List<TrackedStep> listSteps(String runId, String owner) {
        return locked(db -> owned(db, runId, owner).map(row -> {
            List<TrackedStep> steps = new ArrayList<>();
            for (StepInfo entry : db.journals.getOrDefault(row.id, List.of())) {
                if (!entry.name().startsWith("@")) {
                    steps.add(journaled(row, entry));
                }
            }
            tracked.values().stream().filter(s -> s.runId().equals(runId)).forEach(steps::add);
            steps.sort(Comparator.comparing(TrackedStep::createdAt));
            return List.copyOf(steps);
        }).orElse(List.of()));
    }

    @Override
    public boolean insertCall(TrackedCall call, String owner) {
        String[] ref = split(call.stepId());
        return locked(db -> {
            if (ref == null || owned(db, ref[0], owner).isEmpty()) {
                return false;
            }
            calls.put(call.id(), call);
            return true;
        });
    }

    @Override
    public Optional<TrackedCall> findCall(String id, String owner) {
        return locked(db -> ownedCall(db, id, owner));
    }

    private Optional<TrackedCall> ownedCall(InMemoryWorkflowStore db, String id, String owner) {
        return Optional.ofNullable(calls.get(id)).filter(c -> owned(db, split(c.stepId())[0], owner).isPresent());
    }

    @Override
    public boolean updateCall(TrackedCall call, String owner) {
        return locked(db -> {
            if (ownedCall(db, call.id(), owner).isEmpty()) {
                return false;
            }
            calls.put(call.id(), call);
            return true;
        });
    }

    @Override
    public List<TrackedCall> listCalls(String stepId, String owner) {
        String[] ref = split(stepId);
        return locked(db -> ref == null || owned(db, ref[0], owner).isEmpty() ? List.<TrackedCall>of()
                : calls.values().stream().filter(c -> c.stepId().equals(stepId)).toList()); // in the order of writes
    }

    @Override
    public boolean insertLink(String stepId, String owner, StepLink link) {
        return locked(db -> {
            if (step(db, stepId, owner).isEmpty()) {
                return false;
            }
            links.computeIfAbsent(stepId, k -> new ArrayList<>()).add(link);
            return true;
        });
    }

    @Override
    public List<StepLink> listLinks(String stepId, String owner) {
        return locked(db -> step(db, stepId, owner).isEmpty() ? List.<StepLink>of()
                : List.copyOf(links.getOrDefault(stepId, List.of())));
    }

    @Override
    public ResourceLock acquireLock(String resource, String holder, Instant now, Duration ttl) {
        return locked(db -> {
            ResourceLock current = locks.get(resource);
            if (current != null && !current.holder().equals(holder) && current.isLive(now)) {
                throw new ResourceLockedException(resource, current.holder(), current.expiresAt());
            }
            Instant acquired = current != null && current.holder().equals(holder) ? current.acquiredAt() : now;
            ResourceLock lock = new ResourceLock(resource, holder, acquired, now.plus(ttl));
            locks.put(resource, lock);
            return lock;
        });
    }

    @Override
    public boolean renewLock(String resource, String holder, Instant now, Duration ttl) {
        return locked(db -> {
            ResourceLock current = locks.get(resource);
            if (current == null || !current.holder().equals(holder)) {
                return false;
            }
            locks.put(resource, new ResourceLock(resource, holder, current.acquiredAt(), now.plus(ttl)));
            return true;
        });
    }

    @Override
    public boolean releaseLock(String resource, String holder) {
        return locked(db -> {
            ResourceLock current = locks.get(resource);
            if (current == null || !current.holder().equals(holder)) {
                return false;
            }
            locks.remove(resource);
            return true;
        });
    }

    @Override
    public Optional<ResourceLock> findLock(String resource) {
        return locked(db -> Optional.ofNullable(locks.get(resource)));
    }

    /** A step id's run id and step key, or {@code null}. */
    private static String[] split(String stepId) {
        int colon = stepId == null ? -1 : stepId.indexOf(':');
        return colon <= 0 || colon == stepId.length() - 1 ? null
                : new String[]{stepId.substring(0, colon), stepId.substring(colon + 1)};
    }
}
