package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.cdi.internal.TestWorkflows.Line;
import io.durable.cdi.internal.TestWorkflows.Order;
import io.durable.cdi.internal.TestWorkflows.Receipt;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReplayTest extends EngineTestBase {

    private static Order order(String id) {
        return new Order(id, List.of(new Line("apple", 2), new Line("pear", 3)), new byte[]{1, 2, 3, -1});
    }

    @Test
    void a_run_executes_every_step_once_and_journals_them_in_order() {
        RunId id = engine.start(TestWorkflows.OrderWorkflow.class, "o-1", order("o-1"));

        Receipt receipt = engine.awaitResult(id, Receipt.class, WAIT);

        assertEquals(5, receipt.items());
        assertEquals(List.of("paid-o-1-5", "box-o-1", "label-o-1"), receipt.log());
        assertArrayEquals(new byte[]{1, 2, 3, -1}, receipt.signature());
        assertEquals(2, probe.count("reserve"));
        assertEquals(1, probe.count("charge"));
        List<StepInfo> steps = engine.steps(id);
        assertEquals(List.of("reserve#1", "reserve#2", "charge#1", "ship#1"), steps.stream().map(StepInfo::stepKey).toList());
        assertEquals(List.of(0, 1, 2, 3), steps.stream().map(StepInfo::sequence).toList());
        assertEquals("[\"box-o-1\",\"label-o-1\"]", steps.get(3).resultJson());
        RunInfo run = engine.status(id);
        assertEquals(RunStatus.COMPLETED, run.status());
        assertEquals(2, run.workflowVersion());
        assertEquals(TestEngineConfig.START, run.finishedAt());
        assertTrue(run.inputJson().contains("\"signature\":\"AQID/w==\""), run.inputJson());
    }

    @Test
    void a_resumed_run_returns_journaled_results_and_runs_only_the_first_unjournaled_step() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "order", 2, "o-2", "{\"id\":\"o-2\",\"lines\":[{\"sku\":\"a\",\"quantity\":4}]}",
                TestEngineConfig.START));
        // a node journaled two steps, then died: its lease expires
        Lease dead = store.claim(id, "dead-node", TestEngineConfig.START, TestEngineConfig.LEASE).orElseThrow();
        store.appendStep(dead, new StepInfo(0, "reserve#1", "reserve", StepStatus.COMPLETED, 1, null, "4", null, null,
                TestEngineConfig.START, TestEngineConfig.START));
        store.appendStep(dead, new StepInfo(1, "charge#1", "charge", StepStatus.COMPLETED, 1, null,
                "\"paid-by-the-dead-node\"", null, null, TestEngineConfig.START, TestEngineConfig.START));
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));

        dispatcher.poll();
        Receipt receipt = engine.awaitResult(id, Receipt.class, WAIT);

        assertEquals(0, probe.count("reserve"), "journaled step ran again");
        assertEquals(0, probe.count("charge"), "journaled step ran again");
        assertEquals(1, probe.count("ship"));
        assertEquals(List.of("paid-by-the-dead-node", "box-o-2", "label-o-2"), receipt.log());
        assertEquals(4, receipt.items());
        assertEquals(2, store.findRun(id).orElseThrow().leaseEpoch());
    }

    @Test
    void a_step_cut_off_while_its_entry_read_running_runs_again_and_completes_that_entry() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "order", 2, "o-3", "{\"id\":\"o-3\",\"lines\":[{\"sku\":\"a\",\"quantity\":1}]}",
                TestEngineConfig.START));
        // a node journaled one step, opened the next one's entry for tracking (RUNNING), then died in its body
        Lease dead = store.claim(id, "dead-node", TestEngineConfig.START, TestEngineConfig.LEASE).orElseThrow();
        store.appendStep(dead, new StepInfo(0, "reserve#1", "reserve", StepStatus.COMPLETED, 1, null, "1", null, null,
                TestEngineConfig.START, TestEngineConfig.START));
        store.appendStep(dead, new StepInfo(1, "charge#1", "charge", StepStatus.RUNNING, 1, null, null, null, null,
                TestEngineConfig.START, null));
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));

        dispatcher.poll();
        engine.awaitResult(id, Receipt.class, WAIT);

        assertEquals(0, probe.count("reserve"));
        assertEquals(1, probe.count("charge"), "the cut-off body runs again");
        List<StepInfo> journal = store.loadJournal(id);
        StepInfo charge = journal.get(1);
        assertEquals("charge#1", charge.stepKey());
        assertEquals(StepStatus.COMPLETED, charge.status());
        assertEquals(2, charge.attempt(), "the cut-off attempt counts");
        assertEquals(1, journal.stream().filter(e -> e.stepKey().equals("charge#1")).count());
    }

    @Test
    void a_step_failure_is_journaled_and_replays_as_the_same_exception() {
        RunId id = engine.start(TestWorkflows.RecoveringWorkflow.class, "r-1", "r-1");

        String result = engine.awaitResult(id, String.class, WAIT);

        assertEquals("paid-r-1-0 after java.lang.IllegalStateException: card declined", result);
        StepInfo failed = engine.steps(id).get(0);
        assertEquals(StepStatus.FAILED, failed.status());
        assertEquals("java.lang.IllegalStateException", failed.errorType());
        assertEquals("card declined", failed.error());
        assertNull(failed.resultJson());
    }

    @Test
    void replaying_a_journaled_failure_does_not_run_the_step_and_takes_the_same_path() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "recovering", 1, "r-2", "\"r-2\"", TestEngineConfig.START));
        Lease dead = store.claim(id, "dead-node", TestEngineConfig.START, TestEngineConfig.LEASE).orElseThrow();
        store.appendStep(dead, new StepInfo(0, "explode#1", "explode", StepStatus.FAILED, 1, null, null,
                "com.acme.CardDeclined", "insufficient funds", TestEngineConfig.START, TestEngineConfig.START));
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));

        dispatcher.poll();

        assertEquals("paid-r-2-0 after com.acme.CardDeclined: insufficient funds", engine.awaitResult(id, String.class, WAIT));
        assertEquals(0, probe.count("explode"));
    }

    @Test
    void an_uncaught_step_failure_fails_the_run_with_the_step_and_the_cause() {
        RunId id = engine.start(TestWorkflows.FailingWorkflow.class, "f-1", "out of stock");

        RunInfo run = engine.await(id, WAIT);

        assertEquals(RunStatus.FAILED, run.status());
        assertTrue(run.error().contains("explode#1"), run.error());
        assertTrue(run.error().contains("java.lang.IllegalStateException: out of stock"), run.error());
        assertEquals(2, engine.steps(id).size());
    }

    @Test
    void the_idempotency_key_is_the_run_and_step_key() {
        RunId id = engine.start(TestWorkflows.OrderWorkflow.class, "o-3", order("o-3"));
        engine.awaitResult(id, Receipt.class, WAIT);

        assertEquals(List.of(id.value() + ":charge#1"), probe.idempotencyKeys());
    }

    @Test
    void a_workflow_without_input_or_output_runs() {
        RunId id = engine.start(TestWorkflows.NoInputWorkflow.class, "n-1", null);

        RunInfo run = engine.await(id, WAIT);

        assertEquals(RunStatus.COMPLETED, run.status());
        assertNull(run.inputJson());
        assertNull(run.outputJson());
        assertEquals(1, probe.count("ship"));
    }
}
