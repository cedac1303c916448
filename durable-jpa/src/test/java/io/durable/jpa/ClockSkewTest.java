package io.durable.jpa;

import io.durable.api.RunId;
import io.durable.cdi.internal.time.DatabaseClock;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.WorkflowStore;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two nodes on one database, node B's clock 45 s ahead of node A's, lease 30 s: A claims a run and
 * renews it; B sweeps and must not take it. Each node's engine clock is its own clock aligned to the
 * database's ({@link DatabaseClock}); without the alignment B reads A's fresh expiry as past and takes
 * the run (the fault found: the step body ran on both nodes at once). On H2, PostgreSQL and MariaDB.
 */
class ClockSkewTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Duration SKEW = Duration.ofSeconds(45);

    static List<Databases.Target> databases() {
        return Databases.all("durable-clock-skew");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_node_whose_clock_runs_ahead_does_not_take_a_live_lease(Databases.Target database) throws Exception {
        Databases.dropTables(database.url(), database.user(), database.password());
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password())) {
            WorkflowStore store = jpa.store();
            DatabaseClock nodeA = new DatabaseClock(Clock.systemUTC());
            Clock aheadOwnClock = Clock.offset(Clock.systemUTC(), SKEW);
            DatabaseClock nodeB = new DatabaseClock(aheadOwnClock);
            nodeA.align(store::databaseTime);
            nodeB.align(store::databaseTime);
            assertTrue(nodeB.offset().minus(nodeA.offset()).plus(SKEW).abs().compareTo(Duration.ofSeconds(2)) < 0,
                    "B's offset makes up for its 45 s: A " + nodeA.offset() + ", B " + nodeB.offset());

            RunId id = RunId.random();
            store.createRun(new NewRun(id, "skewed", 1, "skew-1", null, nodeA.instant()));
            Lease lease = jpa.inNewTransaction(() -> store.claim(id, "node-a", nodeA.instant(), LEASE)).orElseThrow();
            store.renew(lease, nodeA.instant().plus(LEASE));

            List<Lease> takenByB = jpa.inNewTransaction(() -> store.claimDue("node-b", nodeB.instant(), LEASE, 10, null));
            assertFalse(takenByB.stream().anyMatch(l -> l.runId().equals(id)), "B took A's live lease");
            assertEquals("node-a", store.findRun(id).orElseThrow().leaseOwner());

            // the same sweep on B's own clock, unaligned, takes it: the fault the alignment removes
            List<Lease> unaligned = jpa.inNewTransaction(() -> store.claimDue("node-b", aheadOwnClock.instant(), LEASE,
                    10, null));
            assertTrue(unaligned.stream().anyMatch(l -> l.runId().equals(id)), "the test's skew would steal the lease");
        } finally {
            Databases.dropTables(database.url(), database.user(), database.password());
        }
    }
}
