package io.durable.cdi.internal.composition;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalStatus;
import io.durable.api.Limit;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowUsageException;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.JournalWriter;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.StoreCalls;
import io.durable.spi.EngineClock;
import io.durable.spi.NewSignal;
import io.durable.spi.Park;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Approvals: a stored request (listable while pending) plus an engine signal
 * ({@code @approval:KEY}) that carries the decision to the run. Deciding updates the request, first
 * decision only, and sends the signal in one transaction; the run consumes it and journals the
 * decision in another. Expiry is the wait's deadline: the engine marks the request EXPIRED and
 * journals that, unless an actor's decision got there first.
 */
@ApplicationScoped
public class Approvals {

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    JournalWriter journal;

    @Inject
    DurableOps ops;

    @Inject
    JsonCodec codec;

    @Inject
    @EngineClock
    Clock clock;

    static String signalName(String key) {
        return "@approval:" + key;
    }

    Approval await(Scope scope, String key, Duration expiry) {
        checkKey(key);
        DurableOps.checkWait("awaitApproval expiry", expiry);
        scope.checkUsable("awaitApproval");
        scope.checkPause();
        Execution execution = scope.execution();
        String request = "@approval:" + key;
        if (scope.occurrences(request) > 0) {
            throw new WorkflowUsageException("Run " + execution.run().id() + " asks for approval '" + key
                    + "' a second time; give every approval of a run its own key");
        }
        int position = scope.takePosition();
        String requestKey = scope.takeStepKey(request);
        StepInfo recorded = scope.journaled(position, requestKey);
        Instant expiresAt;
        if (recorded != null) {
            scope.checkSameCall(position, requestKey, recorded);
            expiresAt = ops.instant(recorded.resultJson());
        } else {
            Instant now = clock.instant();
            expiresAt = now.plus(expiry);
            request(execution, key, requestKey, request, now, expiresAt);
        }
        StepInfo outcome = ops.receive(scope, "@decision:" + key, signalName(key), "approval:" + key, expiresAt,
                () -> expire(execution, key));
        return (Approval) codec.fromJson(outcome.resultJson(), Approval.class, "the decision on approval " + key);
    }

    private void request(Execution execution, String key, String requestKey, String name, Instant now,
                         Instant expiresAt) {
        Approval pending = new Approval(execution.run().id(), execution.run().workflowName(), key,
                ApprovalStatus.PENDING, now, expiresAt, null, null, null);
        StepInfo entry = DurableOps.entry(execution.newSequence(), requestKey, name,
                ops.json(expiresAt, Instant.class), null, null, now);
        try {
            journal.write(execution, "approval request " + key, () -> {
                store.requestApproval(execution.lease(), pending, entry);
                return null;
            }, IllegalArgumentException.class);
        } catch (IllegalArgumentException e) {
            throw new WorkflowUsageException("Run " + execution.run().id() + " asks for approval '" + key
                    + "', which it asked for already (in another branch?); give every approval of a run its own key");
        }
    }

    /** The expired outcome; {@code null} when an actor decided in time (the decision's signal is there). */
    private DurableOps.Outcome expire(Execution execution, String key) {
        Approval expired;
        try {
            expired = journal.write(execution, "the expiry of approval " + key, () -> store.decideApproval(
                    execution.run().id(), key, ApprovalStatus.EXPIRED, "engine", "expired undecided", clock.instant()),
                    ApprovalDecidedException.class);
        } catch (ApprovalDecidedException e) {
            if (e.existing().status() != ApprovalStatus.EXPIRED) {
                return null;
            }
            // expired by an earlier execution that stopped before journaling it
            expired = e.existing();
        }
        return new DurableOps.Outcome(codec.toJson(expired, Approval.class, "an approval"), null, null);
    }

    /** An actor's decision: stored, and signalled to the run, in one transaction. */
    public Approval decide(RunId runId, String key, ApprovalStatus decision, String actor, String reason) {
        if (!validKey(key)) {
            throw new PayloadException("An approval key must be 1 to " + Limit.APPROVAL_KEY.max()
                    + " characters without '/', '#' or '|' (" + Limit.APPROVAL_KEY.key() + ")", null);
        }
        if (actor == null || actor.isBlank()) {
            throw new PayloadException("An approval decision needs an actor", null);
        }
        Limit.ACTOR.check(actor);
        String why = Limit.REASON.check(reason == null ? "" : reason);
        Instant now = clock.instant();
        return StoreCalls.inTransaction(transactions, "deciding approval '" + key + "' of run " + runId, () -> {
            Approval decided = store.decideApproval(runId, key, decision, actor, why, now);
            store.sendSignal(new NewSignal(UUID.randomUUID().toString(), runId, signalName(key),
                    codec.toJson(decided, Approval.class, "an approval"), signalName(key), now));
            return decided;
        });
    }

    private static boolean validKey(String key) {
        return key != null && !key.isBlank() && key.length() <= Limit.APPROVAL_KEY.max() && !key.contains("/")
                && !key.contains("#") && !key.contains(Park.LIST);
    }

    private static void checkKey(String key) {
        if (!validKey(key)) {
            throw new WorkflowUsageException("An approval key must be 1 to " + Limit.APPROVAL_KEY.max()
                    + " characters (" + Limit.APPROVAL_KEY.key() + ") without '/', '#' or '|'; got '" + key + "'");
        }
    }
}
