package io.durable.jpa;

import io.durable.api.RunFinished;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.ManyStepsWorkflow;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.Lease;
import io.durable.spi.RunEnd;
import io.durable.spi.WorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An in-doubt commit: the journal write of a plain step commits, but the answer is lost with the
 * connection (here the store throws a connection failure after the commit, every third journal
 * write, an entry alone or a group commit's batch of several runs' entries). The engine tries the write again, meets its own entry as a conflict, finds it in the
 * journal as it wrote it, and goes on: the run completes without replaying and without waiting for its
 * lease, and every step runs once.
 */
class InDoubtCommitTest {

    /** Which store calls lose their answer after they committed. */
    private interface Losing {
        boolean answerLost(java.lang.reflect.Method method, Object[] args);
    }

    /**
     * The store of {@link EngineStores}, except that a call {@code losing} names throws a connection
     * failure after it committed, as a connection dropped during the commit's answer would.
     */
    static WorkflowStore losingAnswers(Losing losing) {
        WorkflowStore store = EngineStores.jpa.store();
        return (WorkflowStore) Proxy.newProxyInstance(WorkflowStore.class.getClassLoader(),
                new Class<?>[]{WorkflowStore.class}, (proxy, method, args) -> {
                    Object result;
                    try {
                        result = method.invoke(store, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (losing.answerLost(method, args)) {
                        throw new IllegalStateException("commit answer lost",
                                new SQLTransientConnectionException("connection reset", "08006"));
                    }
                    return result;
                });
    }

    /** Runs at once, so that entries also go out in shared writes of the group commit (one lane). */
    private static final int RUNS = 6;

    @Test
    void a_journal_write_whose_commit_answer_is_lost_is_found_written_and_the_run_goes_on() throws Exception {
        String url = "jdbc:h2:" + Files.createTempDirectory("durable-in-doubt") + "/db;WRITE_DELAY=0";
        ManyStepsWorkflow.Steps.EXECUTIONS.clear();
        LostAnswers.LOST.set(0);
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, "sa", "")) {
            EngineStores.jpa = jpa;
            try (WeldContainer container = new Weld().disableDiscovery()
                    .addExtension(new io.durable.cdi.internal.DurableExtension())
                    .addBeanClasses(EngineStores.class, LostAnswers.class, ManyStepsWorkflow.class,
                            ManyStepsWorkflow.Steps.class).initialize()) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                List<RunId> ids = new ArrayList<>();
                for (int i = 0; i < RUNS; i++) {
                    ids.add(engine.start(ManyStepsWorkflow.class, "in-doubt-" + i, "x"));
                }

                for (RunId id : ids) {
                    RunInfo run = engine.await(id, Duration.ofSeconds(40));
                    assertEquals(RunStatus.COMPLETED, run.status(), run::toString);
                    assertEquals(ManyStepsWorkflow.STEPS,
                            engine.steps(id).stream().map(StepInfo::stepKey).distinct().count());
                }
                assertTrue(LostAnswers.LOST.get() >= 5, "answers lost: " + LostAnswers.LOST.get());
                assertEquals(RUNS * ManyStepsWorkflow.STEPS, ManyStepsWorkflow.Steps.EXECUTIONS.size());
                ManyStepsWorkflow.Steps.EXECUTIONS.forEach((step, count) -> assertEquals(1, count.get(), step));
            }
        }
    }

    @Test
    void a_run_end_whose_commit_answer_is_lost_is_found_written_and_the_run_ends_once() throws Exception {
        String url = "jdbc:h2:" + Files.createTempDirectory("durable-in-doubt-end") + "/db;WRITE_DELAY=0";
        ManyStepsWorkflow.Steps.EXECUTIONS.clear();
        LostEnds.LOST.clear();
        Finished.RUNS.clear();
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, "sa", "")) {
            EngineStores.jpa = jpa;
            try (WeldContainer container = new Weld().disableDiscovery()
                    .addExtension(new io.durable.cdi.internal.DurableExtension())
                    .addBeanClasses(EngineStores.class, LostEnds.class, Finished.class, ManyStepsWorkflow.class,
                            ManyStepsWorkflow.Steps.class).initialize()) {
                WorkflowEngine engine = container.select(WorkflowEngine.class).get();
                List<RunId> ids = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    ids.add(engine.start(ManyStepsWorkflow.class, "in-doubt-end-" + i, "x"));
                }

                for (RunId id : ids) {
                    assertEquals(RunStatus.COMPLETED, engine.await(id, Duration.ofSeconds(40)).status());
                }
                assertEquals(java.util.Set.copyOf(ids), LostEnds.LOST, "every run's first end lost its answer");
                // the engine counted each end as written: the run ended once, as it was written
                for (RunId id : ids) {
                    assertEquals(List.of(RunStatus.COMPLETED), Finished.RUNS.get(id), id::toString);
                }
            }
        }
    }

    /** The store of {@link EngineStores}, except that each run's first end throws a connection failure after it committed. */
    @ApplicationScoped
    @Alternative
    @Priority(2000)
    public static class LostEnds {

        static final java.util.Set<RunId> LOST = java.util.concurrent.ConcurrentHashMap.newKeySet();

        @Produces
        @Alternative
        @Priority(2000)
        WorkflowStore store() {
            return losingAnswers((method, args) -> {
                List<RunId> ended = switch (method.getName()) {
                    case "finishRunCommitted" -> List.of(((Lease) args[0]).runId());
                    case "finishRunsCommitted" -> ((List<?>) args[0]).stream()
                            .map(end -> ((RunEnd) end).lease().runId()).toList();
                    default -> List.of();
                };
                return !ended.isEmpty() && ended.stream().anyMatch(LOST::add);
            });
        }
    }

    /** Each run's lifecycle end as the engine announced it. */
    @ApplicationScoped
    public static class Finished {

        static final java.util.Map<RunId, List<RunStatus>> RUNS = new java.util.concurrent.ConcurrentHashMap<>();

        void on(@Observes RunFinished event) {
            RUNS.computeIfAbsent(event.run().id(), id -> new java.util.concurrent.CopyOnWriteArrayList<>())
                    .add(event.run().status());
        }
    }

    /**
     * The store of {@link EngineStores}, except that every third write of plain steps' journal entries
     * (one entry alone or a shared batch, each committed on its own) throws a connection failure after
     * it committed.
     */
    @ApplicationScoped
    @Alternative
    @Priority(2000)
    public static class LostAnswers {

        static final AtomicInteger LOST = new AtomicInteger();
        private final AtomicInteger appends = new AtomicInteger();

        @Produces
        @Alternative
        @Priority(2000)
        WorkflowStore store() {
            return losingAnswers((method, args) -> {
                if (method.getName().startsWith("appendStep") && method.getName().endsWith("Committed")
                        && appends.incrementAndGet() % 3 == 0) {
                    LOST.incrementAndGet();
                    return true;
                }
                return false;
            });
        }
    }
}
