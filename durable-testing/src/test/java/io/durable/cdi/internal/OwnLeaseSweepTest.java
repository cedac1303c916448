package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunStatus;
import io.durable.api.StoreException;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.spi.Lease;
import io.durable.spi.LeaseState;
import io.durable.spi.StoredRun;
import io.durable.testing.InMemoryWorkflowStore;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A run whose lease ran out on this node while the database refused the renewals (killed sessions, a
 * restart) is not claimed by this node's own sweep away from its live execution: the sweep renews it
 * first, and claims nothing while that fails. Found by the chaos test: after 13 rounds of killed
 * sessions one run was claimed again by its own node, and started over from its journal.
 */
@EnableWeld
class OwnLeaseSweepTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new DurableExtension())
                    .addBeanClasses(RefusingRenewals.class, TestEngineConfig.class, TestEngineConfig.ManualWait.class,
                            Probe.class, TestWorkflows.OrderSteps.class, TestWorkflows.BlockingWorkflow.class))
            .build();

    @Inject
    WorkflowEngine engine;

    @Inject
    RefusingRenewals store;

    @Inject
    Dispatcher dispatcher;

    @Inject
    Probe probe;

    @Inject
    TestEngineConfig config;

    /** The in-memory store, with a database that refuses lease renewals for a while. */
    @ApplicationScoped
    @Alternative
    @Priority(1000)
    static class RefusingRenewals extends InMemoryWorkflowStore {

        private volatile boolean refusing;

        @Override
        public LeaseState renew(Lease lease, Instant expiresAt) {
            if (refusing) {
                throw new StoreException("renewing the lease on run " + lease.runId(),
                        new SQLException("FATAL: terminating connection due to administrator command", "57P01"));
            }
            return super.renew(lease, expiresAt);
        }

        void refuse(boolean refuse) {
            refusing = refuse;
        }
    }

    private long epoch(RunId id) {
        return store.findRun(id).map(StoredRun::leaseEpoch).orElseThrow();
    }

    @Test
    void a_lease_that_ran_out_here_is_renewed_not_claimed_from_the_live_execution() throws Exception {
        probe.holdSteps(1);
        RunId id = engine.startJson("blocking", "own-1", "\"own-1\"");
        probe.awaitHeld();
        assertEquals(1, epoch(id));

        store.refuse(true);
        config.manualClock().advance(TestEngineConfig.LEASE.plusSeconds(1));
        dispatcher.poll();
        assertEquals(1, epoch(id), "no claim while this node's own lease could not be renewed");

        store.refuse(false);
        dispatcher.poll();
        assertEquals(1, epoch(id), "renewed under the same epoch, not claimed again");
        StoredRun run = store.findRun(id).orElseThrow();
        assertEquals(config.manualClock().instant().plus(TestEngineConfig.LEASE), run.leaseExpiresAt());

        probe.openGate();
        assertEquals(RunStatus.COMPLETED, engine.await(id, WAIT).status());
        assertEquals(1, probe.count("slow"), "the step body ran once");
        assertEquals(1, epoch(id));
    }
}
