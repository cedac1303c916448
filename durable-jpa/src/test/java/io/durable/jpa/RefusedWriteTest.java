package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.RefusedWorkflow;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A journal write the database refuses for good (here a CHECK constraint the test adds, as a DBA's
 * own rule or a column narrower than the limits would) fails the run with the database's reason,
 * once: it is not taken for an outage, so the run is not abandoned and its step body does not run
 * again every lease period. On H2, PostgreSQL and MariaDB.
 */
class RefusedWriteTest {

    static List<Databases.Target> databases() {
        return Databases.all("durable-refused");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_journal_write_the_database_refuses_for_good_fails_the_run_and_runs_the_step_once(Databases.Target database)
            throws Exception {
        Databases.dropTables(database.url(), database.user(), database.password());
        RefusedWorkflow.Steps.EXECUTIONS.set(0);
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password())) {
            try (Connection c = DriverManager.getConnection(database.url(), database.user(), database.password());
                 Statement s = c.createStatement()) {
                s.execute("ALTER TABLE durable_step ADD CONSTRAINT test_refused_result CHECK (result_json IS NULL"
                        + " OR result_json NOT LIKE '%" + RefusedWorkflow.REFUSED + "%')");
            }
            try (WeldContainer container = EngineStores.start(jpa, RefusedWorkflow.class, RefusedWorkflow.Steps.class)) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                RunId id = engine.start(RefusedWorkflow.class, "refused-1", "x");

                RunInfo run = engine.await(id, Duration.ofSeconds(60));

                assertEquals(RunStatus.FAILED, run.status(), run::toString);
                assertTrue(run.error().contains("The database refused a write"), run.error());
                assertEquals(1, RefusedWorkflow.Steps.EXECUTIONS.get(), "the step body ran once");
                assertEquals(List.of(), engine.steps(id), "nothing was journaled for it");
            }
        } finally {
            Databases.dropTables(database.url(), database.user(), database.password());
        }
    }
}
