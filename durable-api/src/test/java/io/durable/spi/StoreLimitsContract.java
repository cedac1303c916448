package io.durable.spi;

import io.durable.api.Approval;
import io.durable.api.ApprovalDecidedException;
import io.durable.api.ApprovalStatus;
import io.durable.api.Limit;
import io.durable.api.LimitExceededException;
import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The limits part of the store contract, run by {@link WorkflowStoreContractTest} on every store:
 * for each {@link Limit}, a value exactly at the limit is stored and read back equal, one over is
 * refused with a {@link LimitExceededException} naming that limit, and nothing is written.
 */
public abstract class StoreLimitsContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
    private String workflow;

    /**
     * The store under test.
     *
     * @return the store
     */
    protected abstract WorkflowStore store();

    @BeforeEach
    void newWorkflowName() {
        workflow = "lim-" + UUID.randomUUID();
    }

    /** Characters, with letters outside ASCII so a database that counts bytes would show it. */
    static String text(int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            b.append(i % 7 == 3 ? 'é' : (char) ('a' + i % 26));
        }
        return b.toString();
    }

    /** A JSON string of exactly {@code bytes} bytes of UTF-8, with two- and three-byte characters. */
    static String json(int bytes) {
        StringBuilder b = new StringBuilder(bytes).append('"');
        int size = 2;
        while (size + 3 <= bytes - 64) {
            b.append("aé€");
            size += 1 + 2 + 3;
        }
        while (size < bytes) {
            b.append('x');
            size++;
        }
        return b.append('"').toString();
    }

    /** A step key at a nesting depth: every level a parallel block and a branch. */
    static String nested(int depth) {
        return "@parallel:p#1/b/".repeat(depth) + "s#1";
    }

    private static void refused(Limit limit, Executable write) {
        LimitExceededException e = assertThrows(LimitExceededException.class, write);
        assertEquals(limit, e.limit());
        assertTrue(e.getMessage().contains(limit.key()), e.getMessage());
    }

    private RunId run(String name, String instanceId, String input) {
        RunId id = RunId.random();
        store().createRun(new NewRun(id, name, 1, instanceId, input, t0));
        return id;
    }

    private RunId run() {
        return run(workflow, UUID.randomUUID().toString(), null);
    }

    private Lease claimed(RunId id) {
        return store().claim(id, "node-a", t0, LEASE).orElseThrow();
    }

    private static StepInfo step(String key, String name, String result, String errorType, String error) {
        return new StepInfo(0, key, name, errorType == null ? StepStatus.COMPLETED : StepStatus.FAILED, 1, null,
                result, errorType, error, Instant.parse("2026-01-01T00:00:01Z"), Instant.parse("2026-01-01T00:00:02Z"));
    }

    @Test
    void an_instance_id_at_the_limit_is_kept_and_one_over_is_refused() {
        String id = text(Limit.INSTANCE_ID.max());
        RunId runId = run(workflow, id, null);
        assertEquals(id, store().findRun(runId).orElseThrow().info().instanceId());
        assertEquals(runId, store().findRun(workflow, id).orElseThrow().id());

        refused(Limit.INSTANCE_ID, () -> run(workflow + "x", id + "x", null));
        assertTrue(store().listRuns(new RunQuery(workflow + "x", null, 10)).isEmpty());
    }

    @Test
    void a_workflow_name_at_the_limit_is_kept_and_one_over_is_refused() {
        String name = (workflow + text(Limit.WORKFLOW_NAME.max())).substring(0, Limit.WORKFLOW_NAME.max());
        RunId runId = run(name, "i", null);
        assertEquals(name, store().findRun(runId).orElseThrow().info().workflowName());

        RunId over = RunId.random();
        refused(Limit.WORKFLOW_NAME, () -> store().createRun(new NewRun(over, name + "x", 1, "i", null, t0)));
        assertTrue(store().findRun(over).isEmpty());
    }

    @Test
    void an_input_at_the_limit_is_kept_and_one_byte_over_is_refused() {
        String input = json(Limit.INPUT.max());
        RunId runId = run(workflow, "in", input);
        assertEquals(input, store().findRun(runId).orElseThrow().info().inputJson());

        String over = json(Limit.INPUT.max() + 1);
        refused(Limit.INPUT, () -> run(workflow, "in-over", over));
        assertTrue(store().findRun(workflow, "in-over").isEmpty());
    }

    @Test
    void a_parent_step_key_at_the_limit_is_kept_and_one_over_is_refused() {
        RunId parent = run();
        String key = text(Limit.STEP_KEY.max());
        RunId child = RunId.random();
        store().createRun(new NewRun(child, workflow, 1, "child", null, t0, parent, key));
        assertEquals(key, store().findRun(child).orElseThrow().info().parentStepKey());

        RunId over = RunId.random();
        refused(Limit.STEP_KEY, () -> store().createRun(new NewRun(over, workflow, 1, "child-2", null, t0, parent,
                key + "x")));
        assertTrue(store().findRun(over).isEmpty());
    }

    @Test
    void a_step_key_at_the_limit_is_kept_and_one_over_is_refused() {
        String key = text(Limit.STEP_KEY.max());
        assertJournaled(step(key, "s", null, null, null));
        refusedStep(Limit.STEP_KEY, step(key + "x", "s", null, null, null));
    }

    @Test
    void a_step_key_nested_at_the_depth_limit_is_kept_and_one_level_deeper_is_refused() {
        assertJournaled(step(nested(Limit.PARALLEL_DEPTH.max()), "s", null, null, null));
        refusedStep(Limit.PARALLEL_DEPTH, step(nested(Limit.PARALLEL_DEPTH.max() + 1), "s", null, null, null));
    }

    @Test
    void an_entry_name_at_the_limit_is_kept_and_one_over_is_refused() {
        String name = text(Limit.ENTRY_NAME.max());
        assertJournaled(step("s#1", name, null, null, null));
        refusedStep(Limit.ENTRY_NAME, step("s#1", name + "x", null, null, null));
    }

    @Test
    void a_step_result_at_the_limit_is_kept_and_one_byte_over_is_refused() {
        assertJournaled(step("s#1", "s", json(Limit.STEP_RESULT.max()), null, null));
        refusedStep(Limit.STEP_RESULT, step("s#1", "s", json(Limit.STEP_RESULT.max() + 1), null, null));
    }

    @Test
    void a_step_error_and_error_type_at_the_limit_are_kept_and_one_over_is_refused() {
        String type = text(Limit.ERROR_TYPE.max());
        String error = text(Limit.ERROR.max());
        assertJournaled(step("s#1", "s", null, type, error));
        refusedStep(Limit.ERROR_TYPE, step("s#1", "s", null, type + "x", error));
        refusedStep(Limit.ERROR, step("s#1", "s", null, type, error + "x"));
    }

    private void assertJournaled(StepInfo entry) {
        RunId id = run();
        store().appendStep(claimed(id), entry);
        assertEquals(java.util.List.of(entry), store().loadJournal(id));
    }

    private void refusedStep(Limit limit, StepInfo entry) {
        RunId id = run();
        Lease lease = claimed(id);
        refused(limit, () -> store().appendStep(lease, entry));
        StepInfo retrying = new StepInfo(0, "s#1", "s", StepStatus.RETRYING, 1, null, null, null, null, t0, t0);
        store().appendStep(lease, retrying);
        StepInfo replacing = new StepInfo(0, "s#1", entry.name(), entry.status(), 2, null, entry.resultJson(),
                entry.errorType(), entry.error(), t0, t0);
        if (entry.stepKey().equals("s#1")) {
            refused(limit, () -> store().replaceStep(lease, replacing));
        }
        assertEquals(java.util.List.of(retrying), store().loadJournal(id));
    }

    @Test
    void signal_fields_at_their_limits_are_kept_and_one_over_is_refused() {
        RunId id = run();
        String name = text(Limit.SIGNAL_NAME.max());
        String payload = json(Limit.SIGNAL_PAYLOAD.max());
        store().sendSignal(new NewSignal("sig-1", id, name, payload, text(Limit.IDEMPOTENCY_KEY.max()), t0));
        StoredSignal stored = store().nextSignal(id, name).orElseThrow();
        assertEquals(name, stored.name());
        assertEquals(payload, stored.payloadJson());
        assertTrue(store().sendSignal(new NewSignal("sig-2", id, name, payload, text(Limit.IDEMPOTENCY_KEY.max()), t0))
                .duplicate());

        RunId other = run();
        refused(Limit.SIGNAL_NAME, () -> store().sendSignal(new NewSignal("sig-3", other, name + "x", null, null, t0)));
        refused(Limit.SIGNAL_PAYLOAD, () -> store().sendSignal(new NewSignal("sig-4", other, "n",
                json(Limit.SIGNAL_PAYLOAD.max() + 1), null, t0)));
        refused(Limit.IDEMPOTENCY_KEY, () -> store().sendSignal(new NewSignal("sig-5", other, "n", null,
                text(Limit.IDEMPOTENCY_KEY.max() + 1), t0)));
        assertTrue(store().nextSignal(other, Park.ANY_SIGNAL).isEmpty());
    }

    @Test
    void an_operator_action_with_actor_and_reason_at_their_limits_is_kept_and_one_over_is_refused() {
        RunId id = run();
        OperatorAction pause = new OperatorAction(OperatorAction.Kind.PAUSE, text(Limit.ACTOR.max()),
                text(Limit.REASON.max()), t0);
        store().control(id, pause);
        assertEquals(pause, store().findRun(id).orElseThrow().info().lastAction());

        RunId other = run();
        refused(Limit.ACTOR, () -> store().control(other, new OperatorAction(OperatorAction.Kind.PAUSE,
                text(Limit.ACTOR.max() + 1), "", t0)));
        refused(Limit.REASON, () -> store().control(other, new OperatorAction(OperatorAction.Kind.PAUSE, "ops",
                text(Limit.REASON.max() + 1), t0)));
        RunInfo untouched = store().findRun(other).orElseThrow().info();
        assertEquals(null, untouched.lastAction());
        assertEquals(false, untouched.paused());
    }

    @Test
    void an_approval_and_its_decision_at_their_limits_are_kept_and_one_over_is_refused() {
        RunId id = run();
        Lease lease = claimed(id);
        String key = text(Limit.APPROVAL_KEY.max());
        Approval pending = new Approval(id, workflow, key, ApprovalStatus.PENDING, t0, t0.plusSeconds(3600), null,
                null, null);
        store().requestApproval(lease, pending, step("@approval:k#1", "@approval:k", null, null, null));
        assertEquals(pending, store().pendingApprovals(id, 10).get(0));

        String actor = text(Limit.ACTOR.max());
        String reason = text(Limit.REASON.max());
        refused(Limit.ACTOR, () -> store().decideApproval(id, key, ApprovalStatus.APPROVED, actor + "x", reason,
                t0.plusSeconds(1)));
        refused(Limit.REASON, () -> store().decideApproval(id, key, ApprovalStatus.APPROVED, actor, reason + "x",
                t0.plusSeconds(1)));
        assertEquals(pending, store().pendingApprovals(id, 10).get(0));

        store().decideApproval(id, key, ApprovalStatus.APPROVED, actor, reason, t0.plusSeconds(1));
        ApprovalDecidedException again = assertThrows(ApprovalDecidedException.class, () -> store()
                .decideApproval(id, key, ApprovalStatus.REJECTED, "other", "", t0.plusSeconds(2)));
        assertEquals(actor, again.existing().actor());
        assertEquals(reason, again.existing().reason());

        Approval over = new Approval(id, workflow, key + "x", ApprovalStatus.PENDING, t0, t0.plusSeconds(3600), null,
                null, null);
        refused(Limit.APPROVAL_KEY, () -> store().requestApproval(lease, over, step("@approval:x#1", "@approval:x",
                null, null, null)));
        assertEquals(1, store().loadJournal(id).size());
    }

    @Test
    void an_output_and_an_error_at_their_limits_are_kept_and_one_over_is_refused() {
        RunId completed = run();
        Lease lease = claimed(completed);
        refused(Limit.OUTPUT, () -> store().finishRun(lease, RunStatus.COMPLETED, json(Limit.OUTPUT.max() + 1), null,
                t0));
        assertEquals(RunStatus.RUNNING, store().findRun(completed).orElseThrow().info().status());
        String output = json(Limit.OUTPUT.max());
        store().finishRun(lease, RunStatus.COMPLETED, output, null, t0);
        assertEquals(output, store().findRun(completed).orElseThrow().info().outputJson());

        RunId failed = run();
        Lease failing = claimed(failed);
        String error = text(Limit.ERROR.max());
        refused(Limit.ERROR, () -> store().finishRun(failing, RunStatus.FAILED, null, error + "x", t0));
        assertEquals(RunStatus.RUNNING, store().findRun(failed).orElseThrow().info().status());
        store().finishRun(failing, RunStatus.FAILED, null, error, t0);
        assertEquals(error, store().findRun(failed).orElseThrow().info().error());
    }

    @Test
    void a_park_at_the_limits_is_kept_and_one_over_is_refused() {
        RunId id = run();
        Lease lease = claimed(id);
        String waitingFor = text(Limit.WAITING_FOR.max());
        refused(Limit.WAITING_FOR, () -> store().park(lease, new Park(t0.plusSeconds(60), waitingFor + "x", null), t0));
        refused(Limit.AWAITED_SIGNAL, () -> store().park(lease, new Park(null, "signal",
                text(Limit.AWAITED_SIGNAL.max() + 1)), t0));
        assertEquals(RunStatus.RUNNING, store().findRun(id).orElseThrow().info().status());

        store().park(lease, new Park(null, waitingFor, text(Limit.AWAITED_SIGNAL.max())), t0);
        RunInfo parked = store().findRun(id).orElseThrow().info();
        assertEquals(RunStatus.SUSPENDED, parked.status());
        assertEquals(waitingFor, parked.waitingFor());
    }
}
