package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.ManyStepsWorkflow;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The engine with the group commit on ({@code durable.engine.journal-lanes=2}, fewer lanes than
 * concurrent runs, so entries queue and share transactions) on H2, PostgreSQL and MariaDB: sixteen
 * concurrent runs of forty steps complete, every step journaled once and run once.
 */
class GroupCommitEngineTest {

    private static final int RUNS = 16;

    static List<Databases.Target> databases() {
        return Databases.all("durable-group-commit-engine");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void concurrent_runs_complete_through_shared_journal_transactions(Databases.Target database) {
        Databases.dropTables(database.url(), database.user(), database.password());
        ManyStepsWorkflow.Steps.EXECUTIONS.clear();
        System.setProperty("durable.engine.journal-lanes", "2");
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password());
             WeldContainer container = EngineStores.start(jpa, ManyStepsWorkflow.class, ManyStepsWorkflow.Steps.class)) {
            WorkflowEngine engine = container.select(WorkflowEngine.class).get();
            List<RunId> ids = new ArrayList<>();
            for (int i = 0; i < RUNS; i++) {
                ids.add(engine.start(ManyStepsWorkflow.class, "grouped-" + i, "x"));
            }
            for (RunId id : ids) {
                RunInfo run = engine.await(id, Duration.ofMinutes(2));
                assertEquals(RunStatus.COMPLETED, run.status(), run::toString);
                assertEquals(ManyStepsWorkflow.STEPS, engine.steps(id).size(), () -> "journal of " + id);
            }
            assertEquals(RUNS * ManyStepsWorkflow.STEPS, ManyStepsWorkflow.Steps.EXECUTIONS.size());
            ManyStepsWorkflow.Steps.EXECUTIONS.forEach((key, count) -> assertEquals(1, count.get(), key));
        } finally {
            System.clearProperty("durable.engine.journal-lanes");
            Databases.dropTables(database.url(), database.user(), database.password());
        }
    }
}
