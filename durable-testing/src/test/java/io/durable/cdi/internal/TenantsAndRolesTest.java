package io.durable.cdi.internal;

import io.durable.api.AccessDeniedException;
import io.durable.api.Approval;
import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.ApprovalStatus;
import io.durable.api.DurableRoles;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's reads and actions are scoped to the caller's tenant (another tenant's run is "not
 * found", exactly as a missing one), an admin sees every tenant, an authenticated person needs the
 * operator role to act and is recorded as the actor, code without a person is not checked, and
 * workflow code acts as the system.
 */
class TenantsAndRolesTest extends EngineTestBase {

    @Inject
    SyncWorkflows.TestOwner owner;

    @Inject
    TestSecurity security;

    @BeforeEach
    void nobody() {
        owner.set("");
        security.logOut();
    }

    /** A run of tenant-a waiting for its manager's approval. */
    private RunId awaitingApproval(String tenant, String instanceId) {
        config.manualClock().advance(Duration.ofSeconds(1)); // each run its own creation time
        owner.set(tenant);
        RunId id = engine.startJson("expense-approval", instanceId, "\"taxi\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        awaitIdle();
        return id;
    }

    /** Every read and action of the engine on one run, by name. */
    private Map<String, Executable> everyCallOn(RunId id) {
        Map<String, Executable> calls = new LinkedHashMap<>();
        calls.put("status", () -> engine.status(id));
        calls.put("steps", () -> engine.steps(id));
        calls.put("steps page", () -> engine.steps(id, 0, 10));
        calls.put("export", () -> engine.export(id));
        calls.put("tree", () -> engine.tree(id));
        calls.put("bounded tree", () -> engine.tree(id, 10));
        calls.put("signals", () -> engine.signals(id, 10));
        calls.put("signal", () -> engine.signal(id, "nudge", null, null));
        calls.put("signalJson", () -> engine.signalJson(id, "nudge", null, null));
        calls.put("pause", () -> engine.pause(id, "mallory", "mine now"));
        calls.put("unpause", () -> engine.unpause(id, "mallory", "mine now"));
        calls.put("cancel", () -> engine.cancel(id, "mallory", "mine now"));
        calls.put("retry", () -> engine.retry(id, "mallory", "mine now"));
        calls.put("approve", () -> engine.approve(id, "manager", "mallory", "mine now"));
        calls.put("reject", () -> engine.reject(id, "manager", "mallory", "mine now"));
        calls.put("pendingApprovals", () -> engine.pendingApprovals(id));
        calls.put("await", () -> engine.await(id, Duration.ofSeconds(5)));
        calls.put("awaitResult", () -> engine.awaitResult(id, String.class, Duration.ofSeconds(5)));
        return calls;
    }

    private static void assertNotFound(RunId id, Map<String, Executable> calls) {
        String missing = new RunNotFoundException(id.value()).getMessage();
        calls.forEach((name, call) -> {
            RunNotFoundException e = assertThrows(RunNotFoundException.class, call, name);
            assertEquals(missing, e.getMessage(), name + ": the same message as a run that does not exist");
            assertEquals(id.value(), e.runId(), name);
        });
    }

    private static List<RunId> ids(List<RunInfo> runs) {
        return runs.stream().map(RunInfo::id).toList();
    }

    @Test
    void a_run_executing_here_is_awaited_only_by_its_own_tenant() throws Exception {
        owner.set("tenant-a");
        probe.holdSteps(1);
        RunId id = engine.startJson("blocking", "held-1", "\"held-1\"");
        probe.awaitHeld();

        owner.set("tenant-b");
        RunNotFoundException e = assertThrows(RunNotFoundException.class, () -> engine.await(id, WAIT),
                "another tenant's run is missing, also while it executes on this node");
        assertEquals(new RunNotFoundException(id.value()).getMessage(), e.getMessage());
        security.logIn("bob", DurableRoles.OPERATOR);
        assertThrows(RunNotFoundException.class, () -> engine.await(id, WAIT), "an operator of tenant-b");
        security.logOut();

        owner.set("tenant-a");
        probe.openGate();
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());

        // ended here a moment ago: its end is kept for a late caller, for its own tenant (and an admin) only
        owner.set("tenant-b");
        assertThrows(RunNotFoundException.class, () -> engine.await(id, WAIT));
        security.logIn("vera", DurableRoles.VIEWER);
        assertThrows(RunNotFoundException.class, () -> engine.await(id, WAIT), "a viewer of tenant-b");
        security.logIn("root", DurableRoles.ADMIN);
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status(), "an admin sees every tenant");
        security.logOut();
        owner.set("tenant-a");
        assertEquals("\"paid-held-1-1\"", engine.await(id, WAIT).outputJson());
    }

    @Test
    void another_tenants_run_is_not_found_by_any_read_or_action_and_is_left_as_it_was() {
        RunId id = awaitingApproval("tenant-a", "taxi-1");

        owner.set("tenant-b");
        assertNotFound(id, everyCallOn(id));
        assertTrue(engine.find("expense-approval", "taxi-1").isEmpty());
        assertFalse(ids(engine.list(RunQuery.all())).contains(id));
        assertFalse(ids(engine.page(RunQuery.all()).runs()).contains(id));
        assertFalse(ids(engine.page(RunQuery.all().withOwner("tenant-a")).runs()).contains(id),
                "the owner filter is ignored for a caller who is no admin");
        assertEquals(Map.of(), engine.countByStatus(RunQuery.all().withOwner("tenant-a")));
        assertTrue(engine.pendingApprovals(100).stream().noneMatch(a -> a.runId().equals(id)));

        security.logIn("bob", DurableRoles.OPERATOR);
        assertNotFound(id, everyCallOn(id));
        RunId missing = RunId.random();
        assertNotFound(missing, Map.of("a run that does not exist", () -> engine.status(missing)));

        security.logOut();
        owner.set("tenant-a");
        RunInfo untouched = engine.status(id);
        assertEquals(RunStatus.SUSPENDED, untouched.status());
        assertFalse(untouched.paused());
        assertNull(untouched.lastAction());
        assertEquals(List.of("manager"), engine.pendingApprovals(id).stream().map(Approval::key).toList());
        assertEquals(List.of(), engine.signals(id, 10), "no signal reached it");
        assertEquals(id, engine.find("expense-approval", "taxi-1").orElseThrow().id());
    }

    @Test
    void a_start_that_meets_another_tenants_instance_id_is_refused_under_every_policy_without_its_run_id() {
        RunId id = awaitingApproval("tenant-a", "taxi-shared");

        owner.set("tenant-b");
        for (ConflictPolicy policy : ConflictPolicy.values()) {
            DuplicateInstanceException e = assertThrows(DuplicateInstanceException.class,
                    () -> engine.startJson("expense-approval", "taxi-shared", "\"taxi\"", policy), policy.name());
            assertNull(e.existingRunId(), policy + ": another tenant's run id is not named");
            assertFalse(e.getMessage().contains(id.value()), policy + ": " + e.getMessage());
        }

        owner.set("tenant-a");
        RunInfo untouched = engine.status(id);
        assertEquals(RunStatus.SUSPENDED, untouched.status(), "TERMINATE_EXISTING did not reach it");
        assertEquals(id, engine.startJson("expense-approval", "taxi-shared", "\"taxi\"", ConflictPolicy.USE_EXISTING),
                "its own tenant still gets it back");
    }

    @Test
    void an_admin_sees_every_tenant_and_may_filter_by_owner_others_see_their_own() {
        RunId a = awaitingApproval("tenant-a", "taxi-a");
        RunId b = awaitingApproval("tenant-b", "taxi-b");

        owner.set("tenant-a");
        security.logIn("root", DurableRoles.ADMIN);
        assertEquals("tenant-b", engine.status(b).owner());
        assertEquals(List.of(b, a), ids(engine.page(RunQuery.all().withWorkflow("expense-approval")).runs()));
        assertEquals(List.of(b), ids(engine.page(RunQuery.all().withOwner("tenant-b")).runs()));
        assertEquals(Map.of(RunStatus.SUSPENDED, 2L), engine.countByStatus(RunQuery.all()));
        assertEquals(Map.of(RunStatus.SUSPENDED, 1L), engine.countByStatus(RunQuery.all().withOwner("tenant-b")));
        assertEquals(List.of(a, b), engine.pendingApprovals(100).stream().map(Approval::runId).toList());
        assertEquals(b, engine.tree(b, 5).run().id());
        assertFalse(engine.steps(b).isEmpty(), "the approval's request is journaled");

        security.logIn("olga", DurableRoles.VIEWER, DurableRoles.OPERATOR);
        assertEquals(List.of(a), ids(engine.page(RunQuery.all().withOwner("tenant-b")).runs()),
                "a person who is no admin sees its tenant's runs, whatever owner it asks for");
        assertEquals(Map.of(RunStatus.SUSPENDED, 1L), engine.countByStatus(RunQuery.all()));
        assertEquals(List.of(a), engine.pendingApprovals(100).stream().map(Approval::runId).toList());
        assertThrows(RunNotFoundException.class, () -> engine.status(b));

        security.logOut();
        owner.set("tenant-b");
        assertEquals(List.of(b), ids(engine.list(RunQuery.all())), "the application sees its tenant's runs");
    }

    @Test
    void a_person_without_the_operator_role_is_refused_every_action_and_the_run_is_untouched() {
        RunId id = awaitingApproval("tenant-a", "taxi-2");
        security.logIn("vera", DurableRoles.VIEWER);

        Map<String, Executable> actions = new LinkedHashMap<>();
        actions.put("signal", () -> engine.signal(id, "nudge", null, null));
        actions.put("signalJson", () -> engine.signalJson(id, "nudge", "null", null));
        actions.put("approve", () -> engine.approve(id, "manager", "vera", "ok"));
        actions.put("reject", () -> engine.reject(id, "manager", "vera", "no"));
        actions.put("pause", () -> engine.pause(id, "vera", "stop"));
        actions.put("unpause", () -> engine.unpause(id, "vera", "go"));
        actions.put("cancel", () -> engine.cancel(id, "vera", "end"));
        actions.put("retry", () -> engine.retry(id, "vera", "again"));
        actions.forEach((name, action) -> {
            AccessDeniedException e = assertThrows(AccessDeniedException.class, action, name);
            assertEquals("vera", e.caller(), name);
            assertEquals(DurableRoles.OPERATOR, e.role(), name);
            assertTrue(e.action().contains(id.value()), name + ": " + e.getMessage());
        });

        assertEquals(RunStatus.SUSPENDED, engine.status(id).status(), "reads need no role in the engine");
        assertFalse(engine.status(id).paused());
        assertNull(engine.status(id).lastAction());
        assertEquals(List.of("manager"), engine.pendingApprovals(id).stream().map(Approval::key).toList());
        assertEquals(List.of(), engine.signals(id, 10));
    }

    @Test
    void a_person_with_the_operator_role_is_recorded_as_the_actor_whatever_actor_is_passed() {
        RunId id = awaitingApproval("tenant-a", "taxi-3");
        security.logIn("olga", DurableRoles.VIEWER, DurableRoles.OPERATOR);

        assertEquals("olga", engine.pause(id, "someone-else", "checking").lastAction().actor());
        assertEquals("olga", engine.unpause(id, "someone-else", "checked").lastAction().actor());
        Approval approval = engine.approve(id, "manager", "the-ceo", "fine");
        assertEquals(ApprovalStatus.APPROVED, approval.status());
        assertEquals("olga", approval.actor());
        assertEquals("APPROVED:olga:fine", engine.awaitResult(id, String.class, WAIT));

        RunId other = awaitingApproval("tenant-a", "taxi-4");
        security.logIn("adam", DurableRoles.ADMIN);
        owner.set("tenant-elsewhere");
        RunInfo cancelled = engine.cancel(other, "nobody", "wrong expense");
        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals("adam", cancelled.lastAction().actor(), "an admin acts on every tenant's runs");
        assertEquals("Cancelled by adam: wrong expense", cancelled.error());
    }

    @Test
    void a_signal_from_an_operator_is_listed_until_the_run_consumes_it() {
        owner.set("tenant-a");
        RunId id = engine.startJson("approval", "exp-1", "\"e-1\"");
        awaitStatus(id, RunStatus.SUSPENDED);
        awaitIdle();
        security.logIn("olga", DurableRoles.OPERATOR);

        engine.signal(id, "nudge", null, "nudge-1");
        List<SignalInfo> signals = engine.signals(id, 10);
        assertEquals(List.of("nudge"), signals.stream().map(SignalInfo::name).toList());
        assertFalse(signals.get(0).consumed(), "the run waits for 'approval', not for 'nudge'");
        engine.signalJson(id, "approval", "{\"approved\":true,\"approver\":\"olga\"}", null);

        assertEquals("approved by olga", engine.awaitResult(id, String.class, WAIT));
        List<SignalInfo> after = engine.signals(id, 10);
        assertEquals(List.of("nudge", "approval"), after.stream().map(SignalInfo::name).toList());
        assertEquals(List.of(false, true), after.stream().map(SignalInfo::consumed).toList());
        assertEquals(List.of("nudge"), engine.signals(id, 1).stream().map(SignalInfo::name).toList());
    }

    @Test
    void without_a_person_nothing_is_checked_and_the_actor_passed_is_recorded() {
        RunId id = awaitingApproval("tenant-a", "taxi-5");

        assertEquals("nightly-batch", engine.pause(id, "nightly-batch", "maintenance").lastAction().actor());
        assertEquals("nightly-batch", engine.unpause(id, "nightly-batch", "done").lastAction().actor());
        assertEquals("nightly-batch", engine.reject(id, "manager", "nightly-batch", "too late").actor());
        assertEquals("REJECTED:nightly-batch:too late", engine.awaitResult(id, String.class, WAIT));
    }

    @Test
    void workflow_code_acts_as_the_system_on_any_tenants_run_whoever_started_it() {
        RunId theirs = awaitingApproval("tenant-a", "taxi-6");
        owner.set("tenant-b");
        security.logIn("vera", DurableRoles.VIEWER);

        RunId peek = engine.startJson("peek", "peek-1", "\"" + theirs.value() + "\"");

        assertEquals("SUSPENDED peek-workflow", engine.awaitResult(peek, String.class, WAIT),
                "workflow code saw and paused tenant-a's run though its run is tenant-b's, started by a viewer");
        owner.set("tenant-a");
        assertTrue(engine.status(theirs).paused());
    }
}
