package io.durable.testing;

import io.durable.api.Approval;
import io.durable.api.ApprovalNotFoundException;
import io.durable.api.ApprovalStatus;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.IllegalTransitionException;
import io.durable.api.LeaseLostException;
import io.durable.api.Limit;
import io.durable.api.OperatorAction;
import io.durable.api.RunExport;
import io.durable.api.RunFinishedException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalInfo;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.ApprovalRules;
import io.durable.spi.JournalConflictException;
import io.durable.spi.Lease;
import io.durable.spi.LeasedStep;
import io.durable.spi.LeaseState;
import io.durable.spi.NewRun;
import io.durable.spi.NewSignal;
import io.durable.spi.Park;
import io.durable.spi.RecoverySweep;
import io.durable.spi.RunCursor;
import io.durable.spi.RunFilter;
import io.durable.spi.StoreLimits;
import io.durable.spi.StoredRun;
import io.durable.spi.StoredSignal;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A {@link WorkflowStore} in memory, for unit tests of workflows: it has the same semantics as the
 * JPA store (it passes the same contract test) but keeps nothing across restarts and has no
 * transactions, so a transactional step's rollback is not simulated. {@link WorkflowTest} brings it;
 * in a container of your own, add it to the bean classes.
 */
@ApplicationScoped
public class InMemoryWorkflowStore implements WorkflowStore {

    // package-private: InMemoryTrackingStore keeps tracking over these same rows, under this store's lock
    final Map<RunId, Row> runs = new LinkedHashMap<>();
    final Map<RunId, List<StepInfo>> journals = new HashMap<>();
    private final List<Signal> signals = new ArrayList<>();
    private final Map<String, Approval> approvals = new LinkedHashMap<>();

    /** A run's mutable state: a workflow run's, or a tracked job's. */
    static final class Row {
        RunId id;
        String workflowName;
        int workflowVersion;
        String instanceId;
        boolean holdsKey = true;
        RunStatus status = RunStatus.PENDING;
        String inputJson;
        String outputJson;
        String error;
        Instant createdAt;
        Instant updatedAt;
        Instant finishedAt;
        String leaseOwner;
        long leaseEpoch;
        Instant leaseExpiresAt;
        Instant wakeAt;
        String waitingFor;
        String awaitedSignal;
        boolean paused;
        OperatorAction lastAction;
        RunId parentRunId;
        String parentStepKey;
        RunId continuedAs;
        String owner = "";
        /** A tracked job that is not a workflow: never claimed, swept or executed. */
        boolean job;
        int recoveryAttempts;
        String trigger;
        Instant startedAt;

        RunInfo info() {
            return new RunInfo(id, workflowName, workflowVersion, instanceId, status, inputJson, outputJson, error,
                    createdAt, updatedAt, finishedAt, wakeAt, waitingFor, paused, lastAction, parentRunId, parentStepKey,
                    continuedAs, owner, job);
        }

        StoredRun stored() {
            return new StoredRun(info(), leaseOwner, leaseEpoch, leaseExpiresAt);
        }

        void unpark() {
            wakeAt = null;
            waitingFor = null;
            awaitedSignal = null;
        }
    }

    /** A stored signal. */
    private record Signal(String id, RunId runId, String name, String payloadJson, String idempotencyKey,
                          Instant sentAt, boolean consumed) {
    }

    @Override
    public synchronized RunInfo createRun(NewRun run, ConflictPolicy policy, Instant now) {
        StoreLimits.check(run);
        Row existing = holder(run.workflowName(), run.instanceId());
        if (existing != null) {
            switch (policy) {
                case FAIL -> throw new DuplicateInstanceException(run.workflowName(), run.instanceId(),
                        existing.id.value());
                case USE_EXISTING -> {
                    return existing.info();
                }
                case TERMINATE_EXISTING -> {
                    if (!existing.status.isTerminal()) {
                        cancel(existing, new OperatorAction(OperatorAction.Kind.CANCEL, "engine",
                                Limit.REASON.fit("terminated by a new start of instance " + run.instanceId()), now), now);
                    }
                    existing.holdsKey = false;
                }
            }
        }
        Row row = insert(run);
        return row.info();
    }

    @Override
    public synchronized StoredRun insertRun(NewRun run, String leaseOwner, Instant leaseExpiresAt) {
        StoreLimits.check(run);
        if (holder(run.workflowName(), run.instanceId()) != null) {
            throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), null);
        }
        Row row = insert(run);
        if (leaseOwner != null) {
            row.status = RunStatus.RUNNING;
            row.leaseOwner = leaseOwner;
            row.leaseEpoch = 1;
            row.leaseExpiresAt = Objects.requireNonNull(leaseExpiresAt, "leaseExpiresAt");
        }
        return row.stored();
    }

    private Row insert(NewRun run) {
        Row row = new Row();
        row.id = run.id();
        row.parentRunId = run.parentRunId();
        row.parentStepKey = run.parentStepKey();
        row.workflowName = run.workflowName();
        row.workflowVersion = run.workflowVersion();
        row.instanceId = run.instanceId();
        row.inputJson = run.inputJson();
        row.createdAt = run.createdAt();
        row.updatedAt = run.createdAt();
        row.owner = run.owner();
        row.trigger = run.parentRunId() == null ? "workflow" : "child";
        runs.put(run.id(), row);
        journals.put(run.id(), new ArrayList<>());
        return row;
    }

    /**
     * Stores a recorded run with its journal, for a replay check ({@link WorkflowTestKit#replay}): PENDING,
     * so that the engine claims it and replays the journal, with its recorded id, workflow version,
     * instance id, input, owner and parent link.
     *
     * @param export the recorded run
     * @throws DuplicateInstanceException when this store holds a run of that workflow and instance id
     * @throws IllegalArgumentException   when this store holds a run with that id
     */
    public synchronized void importRun(RunExport export) {
        RunInfo run = export.run();
        if (runs.containsKey(run.id())) {
            throw new IllegalArgumentException("This store holds run " + run.id() + " already; a recorded run is "
                    + "replayed once per test");
        }
        Row existing = holder(run.workflowName(), run.instanceId());
        if (existing != null) {
            throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), existing.id.value());
        }
        insert(new NewRun(run.id(), run.workflowName(), run.workflowVersion(), run.instanceId(), run.inputJson(),
                run.createdAt(), run.parentRunId(), run.parentStepKey(), run.owner()));
        List<StepInfo> journal = journals.get(run.id());
        journal.addAll(export.journal());
        journal.sort(Comparator.comparingInt(StepInfo::sequence));
    }

    /**
     * Runs work over this store's rows under its lock, for the {@link InMemoryTrackingStore}, which
     * keeps tracking over the same rows (called through a container proxy, it still reaches the rows).
     *
     * @param work the work, given this store
     * @param <T>  what it returns
     * @return what the work returned
     */
    public synchronized <T> T locked(java.util.function.Function<InMemoryWorkflowStore, T> work) {
        return work.apply(this);
    }

    @Override
    public synchronized Optional<StoredRun> findRun(RunId id) {
        return Optional.ofNullable(runs.get(id)).map(Row::stored);
    }

    /** The system's clock stands for a database's: tests give the engine a manual clock instead. */
    @Override
    public Instant databaseTime() {
        return java.time.Clock.systemUTC().instant();
    }

    @Override
    public synchronized Optional<RunInfo> findRun(String workflowName, String instanceId) {
        return Optional.ofNullable(holder(workflowName, instanceId)).map(Row::info);
    }

    private Row holder(String workflowName, String instanceId) {
        return runs.values().stream()
                .filter(r -> r.holdsKey && r.workflowName.equals(workflowName) && r.instanceId.equals(instanceId))
                .findFirst().orElse(null);
    }

    /** The runs, the last written first: the map keeps the order of writes, as the JPA store's sequence does. */
    synchronized List<Row> newestFirst() {
        List<Row> rows = new ArrayList<>(runs.values());
        java.util.Collections.reverse(rows);
        return rows;
    }

    @Override
    public synchronized List<RunInfo> listRuns(RunQuery query) {
        RunFilter filter = RunFilter.of(query);
        return newestFirst().stream().map(Row::info)
                .filter(filter::matches)
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized List<RunInfo> pageRuns(RunFilter filter, RunCursor after, int limit) {
        return runs.values().stream().map(Row::info)
                .filter(filter::matches)
                .filter(r -> after == null || after.precedes(r))
                .sorted(RunCursor.NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized Map<RunStatus, Long> countRuns(RunFilter filter) {
        Map<RunStatus, Long> counts = new java.util.EnumMap<>(RunStatus.class);
        runs.values().stream().map(Row::info).filter(filter::matches).forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    @Override
    public synchronized List<StepInfo> loadJournal(RunId id) {
        return List.copyOf(journals.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized List<StepInfo> loadJournal(RunId id, int fromSequence, int limit) {
        return journals.getOrDefault(id, List.of()).stream()
                .filter(s -> s.sequence() >= fromSequence)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized List<SignalInfo> listSignals(RunId id, int limit) {
        return signals.stream()
                .filter(s -> s.runId().equals(id))
                .limit(limit)
                .map(s -> new SignalInfo(s.id(), s.name(), s.payloadJson(), s.sentAt(), s.consumed()))
                .toList();
    }

    @Override
    public synchronized Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration) {
        Row row = runs.get(id);
        if (row == null || row.job || !claimable(row, now, null)
                || row.status == RunStatus.SUSPENDED && (row.wakeAt == null || row.wakeAt.isAfter(now))) {
            return Optional.empty();
        }
        return Optional.of(take(row, owner, now, leaseDuration));
    }

    private static Lease take(Row row, String owner, Instant now, Duration leaseDuration) {
        Lease lease = new Lease(row.id, owner, row.leaseEpoch + 1, now.plus(leaseDuration));
        row.status = row.status == RunStatus.COMPENSATING ? RunStatus.COMPENSATING : RunStatus.RUNNING;
        row.leaseOwner = owner;
        row.leaseEpoch = lease.epoch();
        row.leaseExpiresAt = lease.expiresAt();
        row.updatedAt = now;
        row.unpark();
        return lease;
    }

    @Override
    public synchronized LeaseState renew(Lease lease, Instant expiresAt) {
        Row row = runs.get(lease.runId());
        if (row == null || row.leaseEpoch != lease.epoch() || !row.status.isLeased()) {
            return LeaseState.LOST;
        }
        row.leaseExpiresAt = expiresAt;
        return row.paused ? LeaseState.HELD_PAUSED : LeaseState.HELD;
    }

    @Override
    public synchronized void appendStep(Lease lease, StepInfo step) {
        StoreLimits.check(step);
        Row row = current(lease);
        List<StepInfo> journal = journals.get(row.id);
        if (journal.stream().anyMatch(s -> s.stepKey().equals(step.stepKey()) || s.sequence() == step.sequence())) {
            throw new JournalConflictException(lease.runId().value(), step.stepKey(), null);
        }
        journal.add(step);
        journal.sort(Comparator.comparingInt(StepInfo::sequence));
        row.updatedAt = later(row.updatedAt, step.finishedAt());
    }

    /**
     * As one transaction: a conflicting entry refuses the whole batch before any entry is written, as
     * a database's rollback would leave it.
     */
    @Override
    public synchronized boolean[] appendSteps(List<LeasedStep> entries) {
        Map<RunId, List<StepInfo>> batch = new HashMap<>();
        for (LeasedStep entry : entries) {
            StoreLimits.check(entry.step());
            List<StepInfo> journal = journals.get(entry.lease().runId());
            List<StepInfo> earlier = batch.computeIfAbsent(entry.lease().runId(), id -> new ArrayList<>());
            if (journal != null && java.util.stream.Stream.concat(journal.stream(), earlier.stream()).anyMatch(s ->
                    s.stepKey().equals(entry.step().stepKey()) || s.sequence() == entry.step().sequence())) {
                throw new JournalConflictException(entry.lease().runId().value(), entry.step().stepKey(), null);
            }
            earlier.add(entry.step());
        }
        return WorkflowStore.super.appendSteps(entries);
    }

    @Override
    public synchronized void replaceStep(Lease lease, StepInfo step) {
        StoreLimits.check(step);
        Row row = current(lease);
        List<StepInfo> journal = journals.get(row.id);
        for (int i = 0; i < journal.size(); i++) {
            StepInfo old = journal.get(i);
            if (old.sequence() == step.sequence() && old.stepKey().equals(step.stepKey())
                    && (old.status() == StepStatus.RETRYING || old.status() == StepStatus.RUNNING)) {
                journal.set(i, step);
                row.updatedAt = later(row.updatedAt, step.finishedAt());
                return;
            }
        }
        throw new JournalConflictException(lease.runId().value(), step.stepKey(), null);
    }

    @Override
    public synchronized Instant park(Lease lease, Park park, Instant now) {
        StoreLimits.check(park);
        Row row = current(lease);
        row.status = RunStatus.SUSPENDED;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
        row.wakeAt = park.wakeAt();
        row.waitingFor = park.waitingFor();
        row.awaitedSignal = park.awaitedSignal();
        row.updatedAt = now;
        if (park.awaitedSignal() != null && awaitedArrived(row)) {
            row.wakeAt = now;
        }
        return row.wakeAt;
    }

    @Override
    public synchronized SignalReceipt sendSignal(NewSignal signal) {
        StoreLimits.check(signal);
        Row row = runs.get(signal.runId());
        if (row == null) {
            throw new RunNotFoundException(signal.runId().value());
        }
        if (signal.idempotencyKey() != null) {
            Optional<Signal> earlier = signals.stream()
                    .filter(s -> s.runId().equals(signal.runId()) && signal.idempotencyKey().equals(s.idempotencyKey()))
                    .findFirst();
            if (earlier.isPresent()) {
                return new SignalReceipt(earlier.get().id(), true);
            }
        }
        if (row.status.isTerminal()) {
            throw new RunFinishedException(row.id.value(), row.status, "the signal '" + signal.name() + "'");
        }
        signals.add(new Signal(signal.id(), signal.runId(), signal.name(), signal.payloadJson(),
                signal.idempotencyKey(), signal.sentAt(), false));
        if (row.status == RunStatus.SUSPENDED && Park.wakes(row.awaitedSignal, signal.name())) {
            row.wakeAt = signal.sentAt();
        }
        return new SignalReceipt(signal.id(), false);
    }

    @Override
    public synchronized Optional<StoredSignal> nextSignal(RunId runId, String name) {
        return Optional.ofNullable(pendingSignal(runId, name))
                .map(s -> new StoredSignal(s.id(), s.name(), s.payloadJson(), s.sentAt()));
    }

    private boolean awaitedArrived(Row row) {
        return pendingSignal(row.id, row.awaitedSignal) != null;
    }

    private Signal pendingSignal(RunId runId, String name) {
        return signals.stream().filter(s -> !s.consumed() && s.runId().equals(runId) && Park.wakes(name, s.name()))
                .findFirst().orElse(null); // the list keeps the order of writes
    }

    @Override
    public synchronized void consumeSignal(Lease lease, String signalId, StepInfo entry) {
        StoreLimits.check(entry);
        current(lease);
        int index = -1;
        for (int i = 0; i < signals.size(); i++) {
            if (signals.get(i).id().equals(signalId) && !signals.get(i).consumed()) {
                index = i;
            }
        }
        if (index < 0) {
            throw new JournalConflictException(lease.runId().value(), entry.stepKey(), null);
        }
        appendStep(lease, entry);
        Signal s = signals.get(index);
        signals.set(index, new Signal(s.id(), s.runId(), s.name(), s.payloadJson(), s.idempotencyKey(), s.sentAt(), true));
    }

    @Override
    public synchronized RunInfo control(RunId runId, OperatorAction action) {
        StoreLimits.check(action);
        Row row = runs.get(runId);
        if (row == null) {
            throw new RunNotFoundException(runId.value());
        }
        if (row.status.isTerminal()) {
            throw new RunFinishedException(runId.value(), row.status, "a " + action.kind() + " by " + action.actor());
        }
        switch (action.kind()) {
            case PAUSE -> {
                if (row.paused) {
                    throw new IllegalTransitionException(runId.value(), row.status, "it is paused already");
                }
                row.paused = true;
            }
            case UNPAUSE -> {
                if (!row.paused) {
                    throw new IllegalTransitionException(runId.value(), row.status, "it is not paused");
                }
                row.paused = false;
                if (row.status == RunStatus.SUSPENDED && row.wakeAt == null && row.awaitedSignal == null) {
                    row.wakeAt = action.at();
                }
            }
            case CANCEL -> cancel(row, action, action.at());
            case RETRY -> {
                if (row.status != RunStatus.BLOCKED) {
                    throw new IllegalTransitionException(runId.value(), row.status, "only a BLOCKED run is retried");
                }
                row.status = RunStatus.PENDING;
                row.recoveryAttempts = 0;
                row.error = null;
            }
        }
        row.lastAction = action;
        row.updatedAt = action.at();
        return row.info();
    }

    private static void cancel(Row row, OperatorAction action, Instant now) {
        row.status.checkTransition(row.id.value(), RunStatus.CANCELLED);
        row.status = RunStatus.CANCELLED;
        row.error = "Cancelled by " + action.actor() + (action.reason().isEmpty() ? "" : ": " + action.reason());
        row.finishedAt = now;
        row.updatedAt = now;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
        row.lastAction = action;
        row.unpark();
    }

    @Override
    public synchronized void finishRun(Lease lease, RunStatus status, String outputJson, String error, Instant now) {
        StoreLimits.checkFinish(outputJson, error);
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run finishes COMPLETED, FAILED or CANCELLED, not " + status);
        }
        Row row = current(lease);
        row.status.checkTransition(lease.runId().value(), status);
        row.status = status;
        row.outputJson = outputJson;
        row.error = error;
        row.updatedAt = now;
        row.finishedAt = now;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
    }

    @Override
    public synchronized void block(Lease lease, String reason, Instant now) {
        Row row = current(lease);
        row.status.checkTransition(lease.runId().value(), RunStatus.BLOCKED);
        row.status = RunStatus.BLOCKED;
        row.error = Limit.ERROR.fit(reason);
        row.updatedAt = now;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
        row.wakeAt = null;
        row.waitingFor = null;
        row.awaitedSignal = null;
    }

    @Override
    public synchronized int recoveryFailed(Lease lease, String reason, int maxAttempts, Instant now) {
        Row row = current(lease);
        row.recoveryAttempts++;
        row.updatedAt = now;
        if (row.recoveryAttempts >= maxAttempts) {
            block(lease, reason + " (after " + row.recoveryAttempts + " recovery attempts)", now);
        }
        return row.recoveryAttempts;
    }

    @Override
    public synchronized void release(Lease lease, Instant now) {
        Row row = runs.get(lease.runId());
        if (row != null && row.leaseEpoch == lease.epoch() && row.status.isLeased()) {
            row.leaseExpiresAt = now;
        }
    }

    @Override
    public synchronized List<Lease> claimDue(String owner, Instant now, Duration leaseDuration, int limit,
                                             Instant staleBefore) {
        List<Row> due = new ArrayList<>();
        addDue(due, limit, r -> r.status.isLeased() && claimable(r, now, staleBefore),
                Comparator.comparing(r -> r.leaseExpiresAt));
        addDue(due, limit, r -> r.status == RunStatus.SUSPENDED && !r.paused && r.wakeAt != null
                && !r.wakeAt.isAfter(now), Comparator.comparing(r -> r.wakeAt));
        addDue(due, limit, r -> r.status == RunStatus.PENDING && !r.paused, Comparator.comparing(r -> r.createdAt));
        addDue(due, limit, r -> r.status == RunStatus.SUSPENDED && !r.paused && r.awaitedSignal != null
                && awaitedArrived(r), Comparator.comparing(r -> r.updatedAt));
        return due.stream().map(r -> take(r, owner, now, leaseDuration)).toList();
    }

    private void addDue(List<Row> due, int limit, Predicate<Row> filter, Comparator<Row> order) {
        if (due.size() >= limit) {
            return;
        }
        runs.values().stream().filter(r -> !r.job).filter(filter).filter(r -> !due.contains(r)).sorted(order)
                .limit((long) limit - due.size()).forEach(due::add);
    }

    @Override
    public synchronized List<RecoverySweep.Wake> upcomingWakes(int limit) {
        return runs.values().stream()
                .filter(r -> r.status == RunStatus.SUSPENDED && r.wakeAt != null && !r.paused)
                .sorted(Comparator.comparing(r -> r.wakeAt))
                .limit(limit)
                .map(r -> new RecoverySweep.Wake(r.id, r.wakeAt))
                .toList();
    }

    @Override
    public synchronized void startCompensating(Lease lease, Instant now) {
        Row row = current(lease);
        row.status.checkTransition(row.id.value(), RunStatus.COMPENSATING);
        row.status = RunStatus.COMPENSATING;
        row.updatedAt = now;
    }

    @Override
    public synchronized RunInfo continueAsNew(Lease lease, NewRun next, Instant now) {
        StoreLimits.check(next);
        Row row = current(lease);
        row.status.checkTransition(row.id.value(), RunStatus.CONTINUED);
        if (!row.workflowName.equals(next.workflowName()) || !row.instanceId.equals(next.instanceId())) {
            throw new IllegalArgumentException("A run continues as a run of the same workflow and instance id");
        }
        row.status = RunStatus.CONTINUED;
        row.continuedAs = next.id();
        row.finishedAt = now;
        row.updatedAt = now;
        row.leaseOwner = null;
        row.leaseExpiresAt = null;
        row.holdsKey = false;
        Row created = insert(new NewRun(next.id(), next.workflowName(), next.workflowVersion(), next.instanceId(),
                next.inputJson(), next.createdAt(), row.parentRunId, row.parentStepKey, row.owner));
        return created.info();
    }

    @Override
    public synchronized void requestApproval(Lease lease, Approval approval, StepInfo entry) {
        StoreLimits.check(approval);
        StoreLimits.check(entry);
        current(lease);
        String id = approval.runId().value() + "/" + approval.key();
        if (approvals.containsKey(id)) {
            throw new IllegalArgumentException("Run " + approval.runId() + " has an approval '" + approval.key()
                    + "' already");
        }
        appendStep(lease, entry);
        approvals.put(id, approval);
    }

    @Override
    public synchronized Approval decideApproval(RunId runId, String key, ApprovalStatus decision, String actor,
                                                String reason, Instant now) {
        StoreLimits.checkDecision(actor, reason);
        Approval approval = approvals.get(runId.value() + "/" + key);
        if (approval == null) {
            throw new ApprovalNotFoundException(runId.value(), key);
        }
        Approval decided = ApprovalRules.decide(approval, decision, actor, reason, now);
        approvals.put(runId.value() + "/" + key, decided);
        return decided;
    }

    @Override
    public synchronized List<Approval> pendingApprovals(RunId runId, String owner, int limit) {
        return approvals.values().stream()
                .filter(a -> a.status() == ApprovalStatus.PENDING)
                .filter(a -> runId == null || runId.equals(a.runId()))
                .filter(a -> runs.containsKey(a.runId()) && !runs.get(a.runId()).status.isTerminal())
                .filter(a -> owner == null || owner.equals(runs.get(a.runId()).owner))
                .limit(limit)
                .toList();
    }

    private Row current(Lease lease) {
        Row row = runs.get(lease.runId());
        if (row == null || row.leaseEpoch != lease.epoch() || !row.status.isLeased()) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
        return row;
    }

    private static boolean claimable(Row row, Instant now, Instant staleBefore) {
        return switch (row.status) {
            case PENDING, SUSPENDED -> !row.paused;
            case RUNNING, COMPENSATING -> row.leaseExpiresAt != null && !row.leaseExpiresAt.isAfter(now)
                    || staleBefore != null && !row.updatedAt.isAfter(staleBefore);
            case BLOCKED, COMPLETED, FAILED, CANCELLED, CONTINUED -> false;
        };
    }

    private static Instant later(Instant a, Instant b) {
        return b == null || Objects.requireNonNull(a).isAfter(b) ? a : b;
    }
}
