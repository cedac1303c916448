package io.durable.cdi.internal;

import io.durable.api.Limit;
import io.durable.api.LimitExceededException;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A value over a limit fails at the call that caused it: a start is refused and stores nothing; a
 * run that produces one fails with the limit's message, and its step body runs at most once (it
 * is not left RUNNING to be retried every lease period).
 */
class LimitsTest extends EngineTestBase {

    private RunInfo failedAndNotRetried(RunId id) {
        RunInfo failed = awaitStatus(id, RunStatus.FAILED);
        awaitIdle();
        // what used to happen: the lease expires, the sweep claims the run again, the body runs again
        advanceAndSweep(TestEngineConfig.LEASE.multipliedBy(3));
        awaitIdle();
        assertEquals(RunStatus.FAILED, engine.status(id).status());
        return failed;
    }

    @Test
    void a_step_key_too_long_from_nested_parallel_blocks_fails_the_run_with_the_limit_and_the_body_never_runs() {
        RunId id = engine.startJson("limits-nested", "nested-1", null);

        RunInfo failed = failedAndNotRetried(id);
        String n = LimitWorkflows.LONG.substring(1);
        String key = "@parallel:o" + n + "#1/b" + n + "/@parallel:i" + n + "#1/c" + n + "/plain#1";
        assertTrue(failed.error().startsWith("Step key of " + key.length() + " characters exceeds the limit of 400 "
                + "(durable.step-key)"), failed.error());
        assertTrue(failed.error().contains("shorten the names of parallel blocks/branches"), failed.error());
        assertEquals(0, probe.count("limits:nested"));
        assertTrue(store.loadJournal(id).isEmpty(), "nothing of the nested blocks was journaled");
    }

    @Test
    void parallel_blocks_nested_deeper_than_the_limit_fail_the_run() {
        RunId ok = engine.start(LimitWorkflows.DeepWorkflow.class, "deep-ok", Limit.PARALLEL_DEPTH.max());
        assertEquals("deep", engine.awaitResult(ok, String.class, WAIT));

        RunId id = engine.start(LimitWorkflows.DeepWorkflow.class, "deep-over", Limit.PARALLEL_DEPTH.max() + 1);
        RunInfo failed = failedAndNotRetried(id);
        assertTrue(failed.error().contains("(durable.parallel-depth)"), failed.error());
        assertEquals(1, probe.count("limits:deep"), "only the run within the limit ran its step");
    }

    @Test
    void a_step_result_over_the_limit_fails_the_run_even_when_the_code_catches_it_and_the_body_ran_once() {
        RunId id = engine.startJson("limits-result", "result-1", "\"x\"");

        RunInfo failed = failedAndNotRetried(id);
        assertTrue(failed.error().startsWith("Step result of " + (Limit.STEP_RESULT.max() + 1)
                + " bytes exceeds the limit of " + Limit.STEP_RESULT.max() + " (durable.step-result)"), failed.error());
        assertEquals(1, probe.count("limits:huge"));
        assertTrue(store.loadJournal(id).isEmpty());
    }

    @Test
    void a_start_input_over_the_limit_is_refused_at_the_start_and_nothing_is_stored() {
        String input = "\"" + "i".repeat(Limit.INPUT.max() - 1) + "\"";

        LimitExceededException json = assertThrows(LimitExceededException.class,
                () -> engine.startJson("limits-result", "input-1", input));
        assertEquals(Limit.INPUT, json.limit());
        assertTrue(json.getMessage().contains("(durable.input)"), json.getMessage());
        PayloadException typed = assertThrows(PayloadException.class,
                () -> engine.start(LimitWorkflows.HugeResultWorkflow.class, "input-2", input.substring(1, input.length() - 1)));
        assertInstanceOf(LimitExceededException.class, typed);
        assertTrue(store.findRun("limits-result", "input-1").isEmpty());
        assertTrue(store.findRun("limits-result", "input-2").isEmpty());
    }

    @Test
    void an_instance_id_over_the_limit_is_refused_with_the_limit() {
        LimitExceededException e = assertThrows(LimitExceededException.class, () -> engine.startJson("limits-result",
                "k".repeat(Limit.INSTANCE_ID.max() + 1), "\"x\""));
        assertEquals(Limit.INSTANCE_ID, e.limit());
    }
}
