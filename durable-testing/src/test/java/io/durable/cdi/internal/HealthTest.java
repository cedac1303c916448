package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StoreException;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.cdi.internal.platform.RunVitalsCache;
import io.durable.cdi.internal.platform.StoreProbe;
import io.durable.spi.NewRun;
import io.durable.testing.InMemoryWorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * MicroProfile Health in Java SE: the engine's checks are beans with the Health qualifiers. Readiness
 * goes DOWN while the store fails or hangs (within the probe's timeout, with one statement in flight
 * however often it is asked) and UP when it answers again; the runs check reports counts and stuck runs
 * but stays UP; liveness goes DOWN when no sweep began for too long.
 */
@EnableWeld
class HealthTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
            .addExtension(new DurableExtension())
            .addBeanClasses(FlakyStore.class, TestEngineConfig.class, TestEngineConfig.ManualWait.class, Probe.class,
                    TimeWorkflows.TimeSteps.class, TimeWorkflows.SleeperWorkflow.class))
            .build();

    @Inject
    WorkflowEngine engine;

    @Inject
    FlakyStore store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestEngineConfig config;

    @Inject
    RunVitalsCache vitals;

    @Inject
    @Readiness
    @Any
    Instance<HealthCheck> readiness;

    @Inject
    @Liveness
    @Any
    Instance<HealthCheck> liveness;

    /** The in-memory store, with a database that can stop answering. */
    @ApplicationScoped
    @Alternative
    @Priority(1000)
    static class FlakyStore extends InMemoryWorkflowStore {
        enum Mode { ANSWERS, FAILS, HANGS }

        private volatile Mode mode = Mode.ANSWERS;
        private volatile CountDownLatch hanging = new CountDownLatch(0);
        private final AtomicInteger pings = new AtomicInteger();

        @Override
        public void ping(Duration timeout) {
            pings.incrementAndGet();
            switch (mode) {
                case ANSWERS -> super.ping(timeout);
                case FAILS -> throw new StoreException("connecting",
                        new SQLException("FATAL: terminating connection; SELECT secret FROM t", "57P01"));
                case HANGS -> {
                    try {
                        if (!hanging.await(30, TimeUnit.SECONDS)) {
                            throw new StoreException("pinging", new SQLException("timed out", "08006"));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
            }
        }

        void mode(Mode next) {
            if (next == Mode.HANGS) {
                hanging = new CountDownLatch(1);
            }
            mode = next;
            if (next != Mode.HANGS) {
                hanging.countDown();
            }
        }

        int pings() {
            return pings.get();
        }
    }

    @AfterEach
    void releaseHangingPings() {
        store.mode(FlakyStore.Mode.ANSWERS);
    }

    private HealthCheckResponse check(Instance<HealthCheck> checks, String name) {
        for (HealthCheck check : checks) {
            HealthCheckResponse response = check.call();
            if (response.getName().equals(name)) {
                return response;
            }
        }
        throw new AssertionError("no health check named " + name);
    }

    private static Map<String, Object> data(HealthCheckResponse response) {
        return response.getData().orElse(Map.of());
    }

    @Test
    void readiness_is_down_while_the_store_fails_and_up_when_it_answers_again() {
        assertTrue(dispatcher.running());
        assertEquals(HealthCheckResponse.Status.UP, check(readiness, "durable-store").getStatus());

        store.mode(FlakyStore.Mode.FAILS);
        HealthCheckResponse down = check(readiness, "durable-store");
        assertEquals(HealthCheckResponse.Status.DOWN, down.getStatus());
        String reason = (String) data(down).get("reason");
        assertEquals("the database did not answer (SQLException)", reason);
        assertFalse(data(down).values().toString().contains("SELECT"), "no SQL leaves the check");

        store.mode(FlakyStore.Mode.ANSWERS);
        assertEquals(HealthCheckResponse.Status.UP, check(readiness, "durable-store").getStatus());
    }

    @Test
    void a_store_that_hangs_is_down_within_the_timeout_with_one_statement_in_flight() {
        store.mode(FlakyStore.Mode.HANGS);
        int before = store.pings();
        long start = System.nanoTime();
        HealthCheckResponse first = check(readiness, "durable-store");
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(HealthCheckResponse.Status.DOWN, first.getStatus());
        assertEquals("the database did not answer within 2000 ms", data(first).get("reason"));
        assertTrue(took.compareTo(StoreProbe.TIMEOUT.plusSeconds(2)) < 0, "bounded by the timeout: " + took);

        for (int probe = 0; probe < 3; probe++) {
            HealthCheckResponse again = check(readiness, "durable-store");
            assertEquals(HealthCheckResponse.Status.DOWN, again.getStatus());
            assertEquals("an earlier check still waits for the database within 2000 ms", data(again).get("reason"));
        }
        assertEquals(before + 1, store.pings(), "one statement in flight, however often readiness is asked");

        store.mode(FlakyStore.Mode.ANSWERS);
        long deadline = System.nanoTime() + WAIT.toNanos();
        HealthCheckResponse back = check(readiness, "durable-store");
        while (back.getStatus() != HealthCheckResponse.Status.UP && System.nanoTime() < deadline) {
            LockSupport.parkNanos(10_000_000);
            back = check(readiness, "durable-store");
        }
        assertEquals(HealthCheckResponse.Status.UP, back.getStatus());
    }

    @Test
    void the_runs_check_reports_parked_and_stuck_runs_and_stays_up() {
        RunId sleeper = engine.start(TimeWorkflows.SleeperWorkflow.class, "h-1", "ann");
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (engine.status(sleeper).status() != RunStatus.SUSPENDED || dispatcher.executingCount() > 0) {
            assertTrue(System.nanoTime() < deadline, "the sleeper did not park");
            LockSupport.parkNanos(1_000_000);
        }
        // a run of a workflow no node has deployed, due for four hours: no sweep claimed it, and with the test's
        // sweep interval of an hour it counts as stuck after three
        store.createRun(new NewRun(RunId.random(), "ghost", 1, "g-1", null,
                config.manualClock().instant().minus(Duration.ofHours(4))));
        vitals.refresh();

        HealthCheckResponse runs = check(readiness, "durable-runs");
        assertEquals(HealthCheckResponse.Status.UP, runs.getStatus(), "stuck runs never take a node out");
        Map<String, Object> data = data(runs);
        assertEquals(1L, data.get("suspended"), data.toString());
        assertEquals(1L, data.get("pending"));
        assertEquals(1L, data.get("overdue"), data.toString());
        assertEquals(0L, data.get("expiredLeases"));
        assertEquals(true, data.get("stuck"));
        assertEquals((long) RunVitalsCache.CAP, ((Number) data.get("countedUpTo")).longValue());
    }

    @Test
    void liveness_is_up_while_sweeps_begin_and_down_when_none_began_for_three_sweeps_and_a_lease() {
        HealthCheckResponse alive = check(liveness, "durable-engine");
        assertEquals(HealthCheckResponse.Status.UP, alive.getStatus());

        // the test's sweep interval is an hour, so no periodic sweep comes: as if the scheduler hung
        config.manualClock().advance(Duration.ofHours(3).plus(TestEngineConfig.LEASE).plusSeconds(1));
        HealthCheckResponse stale = check(liveness, "durable-engine");
        assertEquals(HealthCheckResponse.Status.DOWN, stale.getStatus());
        assertTrue(((String) data(stale).get("reason")).startsWith("no sweep began for "), stale.toString());
    }
}
