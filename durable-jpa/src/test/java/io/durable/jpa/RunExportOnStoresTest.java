package io.durable.jpa;

import io.durable.api.RunExport;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.SleeperWorkflow;
import io.durable.jpa.engine.UpgradeSteps;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run exported from the JPA store, as a deployment exports it for a replay check, reads back from its
 * JSON equal to the export, timestamps at the database's precision included, on H2, PostgreSQL and
 * MariaDB.
 */
class RunExportOnStoresTest {

    static List<Databases.Target> databases() {
        return Databases.all("durable-run-export");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_parked_run_exported_from_the_store_reads_back_equal(Databases.Target database) throws Exception {
        Databases.dropTables(database.url(), database.user(), database.password());
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password());
             WeldContainer container = EngineStores.start(jpa, UpgradeSteps.class, SleeperWorkflow.class)) {
            WorkflowEngine engine = container.select(WorkflowEngine.class).get();
            RunId run = engine.start(SleeperWorkflow.class, "export-1", "x");
            awaitParked(engine, run);

            RunExport export = engine.export(run);
            RunExport read = RunExport.fromJson(export.toJson());

            assertEquals(export, read);
            assertEquals(RunStatus.SUSPENDED, read.run().status());
            assertEquals(List.of("first#1", "@sleep#1"), read.journal().stream().map(StepInfo::stepKey).toList());
            assertEquals("\"first(x)\"", read.journal().get(0).resultJson());
        } finally {
            Databases.dropTables(database.url(), database.user(), database.password());
        }
    }

    private static void awaitParked(WorkflowEngine engine, RunId run) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        RunInfo info = engine.status(run);
        while (info.status() != RunStatus.SUSPENDED) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("run " + run + " did not park: " + info);
            }
            LockSupport.parkNanos(1_000_000);
            info = engine.status(run);
        }
    }
}
