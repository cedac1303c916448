package io.durable.cdi.internal;

import io.durable.api.IllegalTransitionException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.spi.NewRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Runs the engine cannot go on with stop BLOCKED, visibly and recoverably: code changed under a
 * running run (it goes on once the code fits again), and poison runs (a workflow this deployment
 * lacks), which get a bounded number of recovery attempts instead of a slot every lease period.
 */
class BlockedRunsTest extends EngineTestBase {

    @AfterEach
    void deployTheFirstCodeAgain() {
        BlockedWorkflows.ChangingWorkflow.code = 1;
    }

    @Test
    void code_changed_under_a_parked_run_blocks_it_and_rolling_the_code_back_lets_it_finish() {
        RunId id = engine.start(BlockedWorkflows.ChangingWorkflow.class, "changing-1", "c");
        awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(1, probe.count("first"));

        BlockedWorkflows.ChangingWorkflow.code = 2; // "redeploy" with a step inserted before the sleep
        advanceAndSweep(Duration.ofMinutes(2));
        RunInfo blocked = engine.await(id, WAIT);

        assertEquals(RunStatus.BLOCKED, blocked.status());
        assertTrue(blocked.error().contains("recorded step 'first#1' at position 0")
                && blocked.error().contains("now calls 'inserted#1'"), blocked.error());
        assertEquals(0, probe.count("inserted"), "the new step did not run");
        advanceAndSweep(Duration.ofHours(1));
        assertEquals(RunStatus.BLOCKED, engine.status(id).status(), "no sweep claims a blocked run");

        BlockedWorkflows.ChangingWorkflow.code = 1; // roll the code back
        assertEquals(RunStatus.PENDING, engine.retry(id, "ops", "rolled back").status());
        assertEquals("second(first(c))", engine.awaitResult(id, String.class, WAIT));
        assertEquals(1, probe.count("first"), "the journaled step did not run again");
    }

    @Test
    void a_blocked_run_can_be_ended_on_purpose_and_only_a_blocked_run_is_retried() {
        RunId id = engine.start(BlockedWorkflows.ChangingWorkflow.class, "changing-2", "c");
        awaitStatus(id, RunStatus.SUSPENDED);
        assertThrows(IllegalTransitionException.class, () -> engine.retry(id, "ops", "not blocked"));
        BlockedWorkflows.ChangingWorkflow.code = 2;
        advanceAndSweep(Duration.ofMinutes(2));
        assertEquals(RunStatus.BLOCKED, engine.await(id, WAIT).status());

        assertEquals(RunStatus.CANCELLED, engine.cancel(id, "ops", "the old path is gone").status());
    }

    @Test
    void a_run_whose_workflow_is_not_deployed_gets_bounded_recovery_attempts_then_blocks() {
        RunId poison = RunId.random();
        store.createRun(new NewRun(poison, "not-deployed", 1, "poison-1", null, TestEngineConfig.START));
        int attempts = 5; // durable.engine.max-recovery-attempts, as TestEngineConfig leaves it
        for (int attempt = 1; attempt < attempts; attempt++) {
            dispatcher.poll();
            awaitIdle();
            assertEquals(RunStatus.RUNNING, engine.status(poison).status(), "attempt " + attempt + " keeps it");
            advanceAndSweep(TestEngineConfig.LEASE.plusSeconds(1)); // its lease expires: the next attempt
        }
        RunInfo blocked = awaitStatus(poison, RunStatus.BLOCKED);
        assertTrue(blocked.error().contains("its workflow 'not-deployed' is not deployed on node test-node")
                && blocked.error().contains("after 5 recovery attempts"), blocked.error());

        advanceAndSweep(Duration.ofHours(1));
        awaitIdle();
        assertEquals(RunStatus.BLOCKED, engine.status(poison).status(), "it takes no slot any more");

        RunId good = engine.start(TestWorkflows.NoInputWorkflow.class, "good-after-poison", null);
        assertEquals(RunStatus.COMPLETED, engine.await(good, WAIT).status());
    }

    @Test
    void a_run_whose_input_cannot_be_read_is_blocked_after_its_recovery_attempts() {
        RunId unreadable = RunId.random();
        // journaled by an older deployment whose input type had another shape
        store.createRun(new NewRun(unreadable, "order", 2, "unreadable-1", "\"not an order\"", TestEngineConfig.START));
        for (int attempt = 1; attempt < 5; attempt++) {
            dispatcher.poll();
            awaitIdle();
            advanceAndSweep(TestEngineConfig.LEASE.plusSeconds(1));
        }
        RunInfo blocked = awaitStatus(unreadable, RunStatus.BLOCKED);
        assertTrue(blocked.error().contains("could not be recovered") && blocked.error().contains("the input of run")
                && blocked.error().contains("after 5 recovery attempts"), blocked.error());
    }
}
