package io.durable.jpa;

import io.durable.api.ConflictPolicy;
import io.durable.api.DuplicateInstanceException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.SleeperWorkflow;
import io.durable.jpa.engine.UpgradeSteps;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Eight threads start one instance id at the same moment, ten rounds, under each conflict policy,
 * on H2, PostgreSQL and MariaDB: every policy holds as if the starts had come one after another.
 */
class ConcurrentStartTest {

    private static final int THREADS = 8;
    private static final int ROUNDS = 10;

    static List<Databases.Target> databases() {
        return Databases.all("durable-concurrent-start");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void every_conflict_policy_holds_under_concurrent_starts_of_one_instance_id(Databases.Target database)
            throws Exception {
        Databases.dropTables(database.url(), database.user(), database.password());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password());
             WeldContainer container = EngineStores.start(jpa, UpgradeSteps.class, SleeperWorkflow.class)) {
            WorkflowEngine engine = container.select(WorkflowEngine.class).get();
            for (int round = 0; round < ROUNDS; round++) {
                // USE_EXISTING: every caller gets the one run
                List<Object> existing = startTogether(pool, engine, "use-" + round, ConflictPolicy.USE_EXISTING);
                assertEquals(1, new HashSet<>(existing).size(), () -> "USE_EXISTING returned " + existing);
                assertTrue(existing.get(0) instanceof RunId, existing::toString);

                // FAIL: one starts, the others are refused naming it
                List<Object> failed = startTogether(pool, engine, "fail-" + round, ConflictPolicy.FAIL);
                List<RunId> started = failed.stream().filter(RunId.class::isInstance).map(RunId.class::cast).toList();
                assertEquals(1, started.size(), () -> "FAIL started " + failed);
                for (Object outcome : failed) {
                    if (outcome instanceof DuplicateInstanceException refused) {
                        assertEquals(started.get(0).value(), refused.existingRunId(), refused.getMessage());
                    } else {
                        assertTrue(outcome instanceof RunId, () -> "unexpected " + outcome);
                    }
                }

                // TERMINATE_EXISTING: every start succeeds; one run holds the id, the others are ended
                List<Object> terminated = startTogether(pool, engine, "terminate-" + round, ConflictPolicy.TERMINATE_EXISTING);
                assertTrue(terminated.stream().allMatch(RunId.class::isInstance), terminated::toString);
                assertEquals(THREADS, new HashSet<>(terminated).size());
                RunInfo holder = engine.find("upgrade-sleeper", "terminate-" + round).orElseThrow();
                long live = engine.list(new RunQuery("upgrade-sleeper", null, 1000)).stream()
                        .filter(r -> terminated.contains(r.id()) && !r.status().isTerminal()).count();
                assertEquals(1, live, "one run of the id is live");
                assertTrue(terminated.contains(holder.id()));
                assertTrue(!holder.status().isTerminal() || holder.status() == RunStatus.COMPLETED);
            }
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
    }

    /** Starts one instance id from every thread at once; each outcome is a RunId or the exception thrown. */
    private static List<Object> startTogether(ExecutorService pool, WorkflowEngine engine, String instanceId,
                                              ConflictPolicy policy) throws Exception {
        CyclicBarrier together = new CyclicBarrier(THREADS);
        List<Future<Object>> futures = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            futures.add(pool.submit(() -> {
                together.await(30, TimeUnit.SECONDS);
                try {
                    return engine.start(SleeperWorkflow.class, instanceId, "x", policy);
                } catch (DuplicateInstanceException e) {
                    return e;
                }
            }));
        }
        List<Object> outcomes = new ArrayList<>();
        for (Future<Object> future : futures) {
            outcomes.add(future.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }
}
