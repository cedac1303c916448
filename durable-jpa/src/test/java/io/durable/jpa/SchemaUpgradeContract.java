package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.schema.SchemaMigrations;
import io.durable.jpa.schema.SchemaVersion;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.jpa.upgrade.FixedOwner;
import io.durable.jpa.upgrade.SleeperWorkflow;
import io.durable.jpa.upgrade.UpgradeSteps;
import io.durable.jpa.upgrade.UpgradeStores;
import io.durable.jpa.upgrade.WaiterWorkflow;
import io.durable.track.RunTracker;
import io.durable.track.StepProgress;
import io.durable.track.TrackedRun;
import io.durable.track.TrackedStep;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A database that release 0.1 created and filled (runs parked on a sleep and on a signal, a finished
 * tracked job with progress, a call, a link and counters, a running one, all of owner tenant-a) is
 * upgraded by the migrations, and the engine of this release then finishes its runs, with no journaled
 * step run again and every tracking row still there under its owner. One subclass per database.
 */
abstract class SchemaUpgradeContract {

    private static final RunId SLEEPER = new RunId("6eef72a7-8449-4ed9-9056-30aa0d48619c");
    private static final RunId WAITER = new RunId("60364e6d-4f2a-47c9-baf5-356fb3b72016");
    private static final String FINISHED_JOB = "108b9673-95dc-4e94-9b0f-d25196fb5eec";
    private static final String RUNNING_JOB = "7f289fd3-9634-4359-bd50-15ce52608052";

    /** The JDBC URL, user and password of the database under test. */
    protected abstract String[] database();

    /** The folder name of the database's scripts. */
    protected abstract String kind();

    @Test
    void a_database_of_release_0_1_with_runs_in_flight_is_upgraded_and_its_runs_finish() throws Exception {
        String url = database()[0];
        Databases.dropTables(url, database()[1], database()[2]);
        Databases.runScript(url, database()[1], database()[2], "/eclipselink-0.1/" + kind() + ".sql");
        Databases.runScript(url, database()[1], database()[2], "/eclipselink-0.1/runs.sql");

        SchemaVersion version = SchemaMigrations.migrate(url, database()[1], database()[2]);
        assertTrue(version.baselined(), "the 0.1 schema is recognised");

        UpgradeSteps.FIRST.set(0);
        UpgradeSteps.SECOND.set(0);
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, database()[1], database()[2])) {
            UpgradeStores.jpa = jpa;
            Weld weld = new Weld().disableDiscovery().addExtension(new DurableExtension())
                    .addBeanClasses(UpgradeStores.class, UpgradeSteps.class, SleeperWorkflow.class,
                            WaiterWorkflow.class, FixedOwner.class);
            try (WeldContainer container = weld.initialize()) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                RunTracker tracker = container.select(RunTracker.class).get();

                engine.signal(WAITER, "go", "go", null);
                RunInfo sleeper = engine.await(SLEEPER, Duration.ofSeconds(60));
                RunInfo waiter = engine.await(WAITER, Duration.ofSeconds(60));
                assertEquals(RunStatus.COMPLETED, sleeper.status(), () -> "sleeper: " + sleeper);
                assertEquals(RunStatus.COMPLETED, waiter.status(), () -> "waiter: " + waiter);
                assertEquals("\"second(first(s))\"", sleeper.outputJson());
                assertEquals("\"second(first(w)+go)\"", waiter.outputJson());
                assertEquals(0, UpgradeSteps.FIRST.get(), "a step journaled by 0.1 never runs again");
                assertEquals(2, UpgradeSteps.SECOND.get());

                TrackedRun trackedSleeper = tracker.run(SLEEPER.value()).orElseThrow();
                assertEquals("tenant-a", trackedSleeper.owner());
                assertEquals(RunStatus.COMPLETED, trackedSleeper.status());

                TrackedRun finished = tracker.run(FINISHED_JOB).orElseThrow();
                assertEquals(RunStatus.COMPLETED, finished.status());
                assertEquals(Map.of("fetched", 10L, "inserted", 9L), finished.counters());
                assertEquals("{\"source\":\"crm\"}", finished.inputJson());
                List<TrackedStep> steps = tracker.steps(FINISHED_JOB);
                assertEquals(1, steps.size());
                assertEquals(new StepProgress(10, 10, 9, 1), steps.get(0).progress());
                assertEquals(1, tracker.calls(steps.get(0).id()).size());
                assertEquals("GET /customers", tracker.calls(steps.get(0).id()).get(0).operation());
                assertEquals("c-1", tracker.stepLinks(steps.get(0).id()).get(0).entityId());

                TrackedRun running = tracker.run(RUNNING_JOB).orElseThrow();
                assertEquals(RunStatus.RUNNING, running.status());
                assertEquals(Map.of("uploaded", 3L), running.counters());
                tracker.finishRun(RUNNING_JOB, "done");
                assertEquals(RunStatus.COMPLETED, tracker.run(RUNNING_JOB).orElseThrow().status());
            }
        }
    }
}
