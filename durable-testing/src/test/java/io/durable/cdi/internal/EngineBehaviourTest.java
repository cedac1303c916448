package io.durable.cdi.internal;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.UnknownWorkflowException;
import io.durable.cdi.internal.TestWorkflows.Receipt;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.StoredRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EngineBehaviourTest extends EngineTestBase {

    @Test
    void a_different_step_at_a_journaled_position_blocks_the_run_naming_run_position_and_both_steps() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "order", 2, "nd-1", "{\"id\":\"nd-1\",\"lines\":[]}", TestEngineConfig.START));
        Lease dead = store.claim(id, "dead-node", TestEngineConfig.START, TestEngineConfig.LEASE).orElseThrow();
        store.appendStep(dead, new StepInfo(0, "refund#1", "refund", StepStatus.COMPLETED, 1, null, "\"r\"", null, null,
                TestEngineConfig.START, TestEngineConfig.START));
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));

        dispatcher.poll();
        RunInfo run = engine.await(id, WAIT);

        assertEquals(RunStatus.BLOCKED, run.status(), "recoverable: code that fits lets it go on");
        assertTrue(run.error().contains("run " + id), run.error());
        assertTrue(run.error().contains("recorded step 'refund#1' at position 0"), run.error());
        assertTrue(run.error().contains("now calls 'charge#1'"), run.error());
        assertEquals(0, probe.count("charge"));
        assertEquals(1, engine.steps(id).size(), "the journal is kept as it was");
    }

    @Test
    void bad_requests_get_clear_errors_and_store_nothing() {
        UnknownWorkflowException unknown = assertThrows(UnknownWorkflowException.class,
                () -> engine.startJson("nope", "x-1", "{}"));
        assertTrue(unknown.getMessage().contains("'nope'") && unknown.getMessage().contains("order"), unknown.getMessage());

        PayloadException malformed = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "x-2", "{\"id\": \"x\", \"lines\": ["));
        assertTrue(malformed.getMessage().contains("TestWorkflows$Order"), malformed.getMessage());

        PayloadException wrongType = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "x-3", "{\"id\":\"x\",\"lines\":[{\"sku\":\"a\",\"quantity\":\"many\"}]}"));
        assertTrue(wrongType.getMessage().contains("Cannot read the input"), wrongType.getMessage());

        assertThrows(PayloadException.class, () -> engine.start(TestWorkflows.OrderWorkflow.class, "x-4", "not an order"));
        assertThrows(PayloadException.class, () -> engine.startJson("no-input", "x-5", "{\"a\":1}"));
        assertThrows(PayloadException.class, () -> engine.startJson("order", "", "{}"));
        assertThrows(PayloadException.class, () -> engine.startJson("order", "k".repeat(201), "{}"));
        assertThrows(RunNotFoundException.class, () -> engine.status(RunId.random()));
        assertThrows(RunNotFoundException.class, () -> engine.steps(RunId.random()));
        assertThrows(UnknownWorkflowException.class, () -> engine.start(String.class, "x-6", null));

        assertEquals(List.of(), engine.list(RunQuery.all()));
    }

    @Test
    void runs_that_end_at_once_leave_no_due_run_waiting_for_the_periodic_sweep() {
        // two slots; two runs this deployment cannot execute (they end at once), then one it can; one sweep.
        // The follow-up sweep must not be lost however fast the first two end (the periodic one is an hour away).
        for (int trial = 0; trial < 25; trial++) {
            RunId good = RunId.random();
            store.createRun(new NewRun(RunId.random(), "not-deployed", 1, "lost-a-" + trial, null, TestEngineConfig.START));
            store.createRun(new NewRun(RunId.random(), "not-deployed", 1, "lost-b-" + trial, null, TestEngineConfig.START));
            store.createRun(new NewRun(good, "no-input", 1, "good-" + trial, null, TestEngineConfig.START.plusMillis(1)));

            dispatcher.poll();

            RunInfo done = engine.await(good, WAIT);
            assertEquals(RunStatus.COMPLETED, done.status(), () -> "trial: the good run waited for the next sweep");
            awaitIdle();
            config.manualClock().advance(Duration.ofMinutes(1)); // the abandoned runs' leases keep them out of the next trial
        }
    }

    @Test
    void new_input_is_read_strictly_at_the_start_and_nothing_is_stored() {
        PayloadException missing = assertThrows(PayloadException.class,
                () -> engine.start(TestWorkflows.OrderWorkflow.class, "in-1", null));
        assertTrue(missing.getMessage().contains("The input of workflow order is missing: it takes a ")
                && missing.getMessage().contains("Optional<...>"), missing.getMessage());
        for (String none : new String[]{null, "", "  ", "null"}) {
            assertThrows(PayloadException.class, () -> engine.startJson("order", "in-2", none), String.valueOf(none));
        }

        PayloadException unknownOnly = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-3", "{\"orderId\":\"x\",\"items\":[]}"));
        assertTrue(unknownOnly.getMessage().contains("Cannot read the input of workflow order")
                && unknownOnly.getMessage().contains("orderId"), unknownOnly.getMessage());
        assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-4", "{\"id\":\"x\",\"lines\":[],\"rush\":true}"));

        PayloadException aString = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-5", "\"an order\""));
        assertTrue(aString.getMessage().contains("must be a JSON object for")
                && aString.getMessage().contains("but is a JSON string"), aString.getMessage());
        PayloadException anObject = assertThrows(PayloadException.class,
                () -> engine.startJson("blocking", "in-6", "{\"a\":1}"));
        assertTrue(anObject.getMessage().contains("must be a JSON string"), anObject.getMessage());

        PayloadException member = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-8", "{\"id\":7,\"lines\":[]}"));
        assertTrue(member.getMessage().contains("'id' must be a JSON string"), member.getMessage());
        PayloadException nested = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-9", "{\"id\":\"x\",\"lines\":[{\"sku\":\"a\",\"quantity\":\"3\"}]}"));
        assertTrue(nested.getMessage().contains("'lines[0].quantity' must be a JSON number"), nested.getMessage());
        PayloadException notAList = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-10", "{\"id\":\"x\",\"lines\":{}}"));
        assertTrue(notAList.getMessage().contains("'lines' must be a JSON array"), notAList.getMessage());
        PayloadException nullInt = assertThrows(PayloadException.class,
                () -> engine.startJson("order", "in-11", "{\"id\":\"x\",\"lines\":[{\"sku\":\"a\",\"quantity\":null}]}"));
        assertTrue(nullInt.getMessage().contains("must not be null"), nullInt.getMessage());

        PayloadException blank = assertThrows(PayloadException.class, () -> engine.startJson("order", " ", "{}"));
        assertTrue(blank.getMessage().contains("must not be blank"), blank.getMessage());
        assertEquals(List.of(), engine.list(RunQuery.all()), "nothing was stored");

        RunId ok = engine.startJson("order", "in-7", "{\"id\":\"in-7\",\"lines\":[]}");
        assertEquals(RunStatus.COMPLETED, engine.await(ok, WAIT).status());
    }

    @Test
    void a_second_start_of_a_known_instance_id_is_refused_and_the_first_run_is_untouched() {
        RunId first = engine.startJson("blocking", "dup-1", "\"dup-1\"");
        engine.await(first, WAIT);

        DuplicateInstanceException e = assertThrows(DuplicateInstanceException.class,
                () -> engine.startJson("blocking", "dup-1", "\"dup-1\""));

        assertEquals(first.value(), e.existingRunId());
        assertEquals(1, engine.list(new RunQuery("blocking", null, 10)).size());
        assertEquals(RunStatus.COMPLETED, engine.status(first).status());
    }

    @Test
    void runs_beyond_the_slots_wait_as_pending_and_run_when_a_slot_frees() throws Exception {
        probe.holdSteps(2);
        RunId a = engine.startJson("blocking", "b-1", "\"b-1\"");
        RunId b = engine.startJson("blocking", "b-2", "\"b-2\"");
        RunId c = engine.startJson("blocking", "b-3", "\"b-3\"");
        probe.awaitHeld();

        assertEquals(RunStatus.RUNNING, engine.status(a).status());
        assertEquals(RunStatus.RUNNING, engine.status(b).status());
        assertEquals(RunStatus.PENDING, engine.status(c).status());
        assertEquals(2, dispatcher.executingCount());

        probe.openGate();

        for (RunId id : List.of(a, b, c)) {
            assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());
        }
        assertEquals(3, probe.count("charge"));
    }

    @Test
    void a_node_that_lost_its_lease_cannot_journal_and_the_new_owner_finishes_the_run() throws Exception {
        probe.holdSteps(1);
        RunId id = engine.startJson("blocking", "lease-1", "\"lease-1\"");
        probe.awaitHeld();
        // this node stalls past its lease (as in a long GC pause) and another node takes the run
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));
        Lease other = store.claim(id, "other-node", config.manualClock().instant(), TestEngineConfig.LEASE).orElseThrow();
        assertEquals(2, other.epoch());

        probe.openGate();
        awaitIdle();

        StoredRun run = store.findRun(id).orElseThrow();
        assertEquals(RunStatus.RUNNING, run.info().status(), "the stale node must not finish the run");
        assertEquals("other-node", run.leaseOwner());
        assertEquals(List.of(), store.loadJournal(id), "the stale node must not journal");
    }

    @Test
    void a_lease_is_renewed_while_the_run_executes() throws Exception {
        probe.holdSteps(1);
        RunId id = engine.startJson("blocking", "renew-1", "\"renew-1\"");
        probe.awaitHeld();
        config.manualClock().advance(Duration.ofSeconds(20));

        dispatcher.renewLeases();

        assertEquals(TestEngineConfig.START.plusSeconds(50), store.findRun(id).orElseThrow().leaseExpiresAt());
        config.manualClock().advance(Duration.ofSeconds(20));
        assertTrue(store.claim(id, "other-node", config.manualClock().instant(), TestEngineConfig.LEASE).isEmpty());
        probe.openGate();
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());
    }

    @Test
    void results_keep_their_generic_types_through_the_journal() {
        RunId id = engine.start(TestWorkflows.OrderWorkflow.class, "g-1", new TestWorkflows.Order("g-1",
                List.of(new TestWorkflows.Line("a", 1)), null));
        Receipt first = engine.awaitResult(id, Receipt.class, WAIT);

        assertEquals(List.of("paid-g-1-1", "box-g-1", "label-g-1"), first.log());
        assertEquals("[\"box-g-1\",\"label-g-1\"]", engine.steps(id).get(2).resultJson());
    }
}
