package io.durable.testing;

import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.testing.KitWorkflows.Greetings;
import io.durable.testing.KitWorkflows.HourlyWorkflow;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

@WorkflowTest(beans = {Greetings.class, HourlyWorkflow.class}, clockStart = "2026-05-04T08:30:00Z")
class ScheduleTest {

    @Inject
    WorkflowEngine engine;

    @Test
    void a_schedule_starts_one_run_per_tick_that_the_clock_passes(WorkflowTestKit kit) {
        kit.advance(Duration.ofMinutes(29));
        assertEquals(List.of(), engine.list(new RunQuery("hourly", null, 10)));

        kit.advance(Duration.ofHours(3));

        List<RunInfo> runs = engine.list(new RunQuery("hourly", null, 10)).stream()
                .sorted(Comparator.comparing(RunInfo::instanceId)).toList();
        assertEquals(List.of("hourly@2026-05-04T09:00:00Z", "hourly@2026-05-04T10:00:00Z", "hourly@2026-05-04T11:00:00Z"),
                runs.stream().map(RunInfo::instanceId).toList());
        runs.forEach(run -> assertEquals(RunStatus.COMPLETED, run.status()));
    }
}
