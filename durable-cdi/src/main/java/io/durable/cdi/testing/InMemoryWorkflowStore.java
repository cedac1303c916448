package io.durable.cdi.testing;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.spi.JournalConflictException;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.StoredRun;
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
import java.util.Optional;

/**
 * A {@link WorkflowStore} in memory, for unit tests of workflows: it has the same semantics as the
 * JPA store (it passes the same contract test) but keeps nothing across restarts and has no
 * transactions, so a transactional step's rollback is not simulated. Add it to a weld-junit test's
 * bean classes.
 */
@ApplicationScoped
public class InMemoryWorkflowStore implements WorkflowStore {

    private final Map<RunId, StoredRun> runs = new LinkedHashMap<>();
    private final Map<RunId, List<StepInfo>> journals = new HashMap<>();

    @Override
    public synchronized void createRun(NewRun run) {
        findRun(run.workflowName(), run.instanceId()).ifPresent(existing -> {
            throw new DuplicateInstanceException(run.workflowName(), run.instanceId(), existing.id().value());
        });
        RunInfo info = new RunInfo(run.id(), run.workflowName(), run.workflowVersion(), run.instanceId(),
                RunStatus.PENDING, run.inputJson(), null, null, run.createdAt(), run.createdAt(), null);
        runs.put(run.id(), new StoredRun(info, null, 0, null));
        journals.put(run.id(), new ArrayList<>());
    }

    @Override
    public synchronized Optional<StoredRun> findRun(RunId id) {
        return Optional.ofNullable(runs.get(id));
    }

    @Override
    public synchronized Optional<RunInfo> findRun(String workflowName, String instanceId) {
        return runs.values().stream().map(StoredRun::info)
                .filter(r -> r.workflowName().equals(workflowName) && r.instanceId().equals(instanceId))
                .findFirst();
    }

    @Override
    public synchronized List<RunInfo> listRuns(RunQuery query) {
        return runs.values().stream().map(StoredRun::info)
                .filter(r -> query.workflow().map(r.workflowName()::equals).orElse(true))
                .filter(r -> query.statusFilter().map(s -> s == r.status()).orElse(true))
                .sorted(Comparator.comparing(RunInfo::createdAt).reversed())
                .limit(query.limit())
                .toList();
    }

    @Override
    public synchronized List<StepInfo> loadJournal(RunId id) {
        return List.copyOf(journals.getOrDefault(id, List.of()));
    }

    @Override
    public synchronized Optional<Lease> claim(RunId id, String owner, Instant now, Duration leaseDuration) {
        StoredRun run = runs.get(id);
        if (run == null || !claimable(run, now)) {
            return Optional.empty();
        }
        Lease lease = new Lease(id, owner, run.leaseEpoch() + 1, now.plus(leaseDuration));
        runs.put(id, new StoredRun(with(run.info(), RunStatus.RUNNING, now), owner, lease.epoch(), lease.expiresAt()));
        return Optional.of(lease);
    }

    @Override
    public synchronized boolean renew(Lease lease, Instant expiresAt) {
        StoredRun run = runs.get(lease.runId());
        if (run == null || run.leaseEpoch() != lease.epoch() || run.info().status().isTerminal()) {
            return false;
        }
        runs.put(lease.runId(), new StoredRun(run.info(), run.leaseOwner(), run.leaseEpoch(), expiresAt));
        return true;
    }

    @Override
    public synchronized void appendStep(Lease lease, StepInfo step) {
        StoredRun run = current(lease);
        List<StepInfo> journal = journals.get(run.info().id());
        if (journal.stream().anyMatch(s -> s.stepKey().equals(step.stepKey()))) {
            throw new JournalConflictException(lease.runId().value(), step.stepKey(), null);
        }
        journal.add(step);
        journal.sort(Comparator.comparingInt(StepInfo::sequence));
    }

    @Override
    public synchronized void finishRun(Lease lease, RunStatus status, String outputJson, String error, Instant now) {
        if (!status.isTerminal()) {
            throw new IllegalArgumentException("A run finishes COMPLETED, FAILED or CANCELLED, not " + status);
        }
        StoredRun run = current(lease);
        run.info().status().checkTransition(lease.runId().value(), status);
        RunInfo old = run.info();
        RunInfo info = new RunInfo(old.id(), old.workflowName(), old.workflowVersion(), old.instanceId(), status,
                old.inputJson(), outputJson, error, old.createdAt(), now, now);
        runs.put(lease.runId(), new StoredRun(info, null, run.leaseEpoch(), null));
    }

    @Override
    public synchronized void release(Lease lease, Instant now) {
        StoredRun run = runs.get(lease.runId());
        if (run != null && run.leaseEpoch() == lease.epoch() && !run.info().status().isTerminal()) {
            runs.put(lease.runId(), new StoredRun(run.info(), run.leaseOwner(), run.leaseEpoch(), now));
        }
    }

    @Override
    public synchronized List<RunId> findClaimable(Instant now, int limit) {
        return runs.values().stream()
                .filter(r -> claimable(r, now))
                .sorted(Comparator.comparing(r -> r.info().createdAt()))
                .limit(limit)
                .map(r -> r.info().id())
                .toList();
    }

    private StoredRun current(Lease lease) {
        StoredRun run = runs.get(lease.runId());
        if (run == null || run.leaseEpoch() != lease.epoch() || run.info().status().isTerminal()) {
            throw new LeaseLostException(lease.runId().value(), lease.epoch());
        }
        return run;
    }

    private static boolean claimable(StoredRun run, Instant now) {
        RunStatus status = run.info().status();
        return status == RunStatus.PENDING
                || status == RunStatus.RUNNING && run.leaseExpiresAt() != null && !run.leaseExpiresAt().isAfter(now);
    }

    private static RunInfo with(RunInfo old, RunStatus status, Instant now) {
        return new RunInfo(old.id(), old.workflowName(), old.workflowVersion(), old.instanceId(), status,
                old.inputJson(), old.outputJson(), old.error(), old.createdAt(), now, old.finishedAt());
    }
}
