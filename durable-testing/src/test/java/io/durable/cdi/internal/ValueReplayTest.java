package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Whatever a step first returned, a replay from the journal returns an equal value, or the step is refused at once. */
class ValueReplayTest extends EngineTestBase {

    @Inject
    ValueWorkflows.Passes passes;

    @Test
    void after_a_sleep_every_step_replays_a_value_equal_to_what_it_first_returned() {
        RunId id = engine.start(ValueWorkflows.ValuesWorkflow.class, "values-1", "values-1");
        awaitStatus(id, RunStatus.SUSPENDED);
        assertEquals(1, passes.of("values-1").size(), "the first pass parked at the sleep");

        advanceAndSweep(Duration.ofHours(1));

        @SuppressWarnings("unchecked")
        List<String> differences = engine.awaitResult(id, List.class, WAIT);
        assertEquals(List.of(), differences);
        List<Map<String, Object>> seen = passes.of("values-1");
        assertEquals(2, seen.size(), "the replay is the second pass");
        Map<String, Object> replayed = seen.get(1);
        assertEquals(Optional.empty(), replayed.get("step:nothing"));
        assertEquals(OptionalInt.empty(), replayed.get("step:noCount"));
        assertEquals(Optional.empty(), replayed.get("optional-empty"));
        for (String step : List.of("nothing", "noCount", "sections", "catalogue")) {
            assertEquals(1, probe.count(step), () -> step + " ran again in the replay");
        }
        for (ValueShapes.Shape shape : ValueShapes.all()) {
            assertEquals(1, probe.count("shape:" + shape.name()), () -> shape.name() + " ran again in the replay");
        }
        StepInfo nothing = engine.steps(id).get(0);
        assertEquals("nothing#1", nothing.stepKey());
        assertEquals("null", nothing.resultJson(), "an empty Optional is the JSON null, not a missing result");
    }

    @Test
    void a_step_whose_value_would_change_in_the_journal_fails_the_run_at_its_first_execution() {
        RunId id = engine.start(ValueWorkflows.CarelessWorkflow.class, "careless-1", "careless-1");

        RunInfo failed = awaitStatus(id, RunStatus.FAILED);

        assertEquals(1, probe.count("careless"));
        assertTrue(failed.error().contains("the result of step careless#1"), failed.error());
        assertTrue(failed.error().contains("$.note was null and reads back as 'Optional.empty'"), failed.error());
        assertEquals(List.of(), engine.steps(id), "nothing was journaled for it");
    }
}
