package io.durable.spi;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The behaviour every {@link WorkflowStore} must have. A store module extends this class once per
 * database it supports. Every test uses its own workflow name, so tests share a database safely.
 */
public abstract class WorkflowStoreContractTest {

    private static final Duration LEASE = Duration.ofSeconds(30);

    /** Times are whole milliseconds: every database keeps at least that precision. */
    protected final Instant t0 = Instant.parse("2026-01-01T00:00:00Z");

    private String workflow;

    /**
     * The store under test; each call must work on its own (in its own transaction).
     *
     * @return the store
     */
    protected abstract WorkflowStore store();

    @BeforeEach
    void newWorkflowName() {
        workflow = "wf-" + UUID.randomUUID();
    }

    private RunId newRun(String instanceId, Instant at) {
        RunId id = RunId.random();
        store().createRun(new NewRun(id, workflow, 3, instanceId, "{\"n\":1}", at));
        return id;
    }

    private static StepInfo completed(int sequence, String name, String result, Instant at) {
        return new StepInfo(sequence, name + "#1", name, StepStatus.COMPLETED, 1, "h" + sequence, result, null,
                null, at, at.plusMillis(5));
    }

    @Test
    void a_created_run_is_pending_with_its_fields() {
        RunId id = newRun("order-1", t0);

        StoredRun stored = store().findRun(id).orElseThrow();
        RunInfo info = stored.info();
        assertEquals(id, info.id());
        assertEquals(workflow, info.workflowName());
        assertEquals(3, info.workflowVersion());
        assertEquals("order-1", info.instanceId());
        assertEquals(RunStatus.PENDING, info.status());
        assertEquals("{\"n\":1}", info.inputJson());
        assertEquals(t0, info.createdAt());
        assertNull(info.outputJson());
        assertNull(stored.leaseOwner());
        assertEquals(0, stored.leaseEpoch());
    }

    @Test
    void a_second_run_with_the_same_instance_id_is_refused_and_names_the_existing_run() {
        RunId first = newRun("dup", t0);

        DuplicateInstanceException e = assertThrows(DuplicateInstanceException.class,
                () -> store().createRun(new NewRun(RunId.random(), workflow, 3, "dup", null, t0)));
        assertEquals(first.value(), e.existingRunId());
        assertEquals(1, store().listRuns(new RunQuery(workflow, null, 10)).size());
    }

    @Test
    void the_same_instance_id_under_another_workflow_is_another_run() {
        newRun("shared-key", t0);
        String other = workflow + "-other";
        store().createRun(new NewRun(RunId.random(), other, 1, "shared-key", null, t0));

        assertTrue(store().findRun(other, "shared-key").isPresent());
        assertTrue(store().findRun(workflow, "shared-key").isPresent());
    }

    @Test
    void unknown_runs_are_absent_everywhere() {
        RunId unknown = RunId.random();
        assertTrue(store().findRun(unknown).isEmpty());
        assertTrue(store().findRun(workflow, "nope").isEmpty());
        assertTrue(store().loadJournal(unknown).isEmpty());
        assertTrue(store().claim(unknown, "node-a", t0, LEASE).isEmpty());
    }

    @Test
    void a_claim_sets_running_owner_and_the_next_epoch() {
        RunId id = newRun("c1", t0);

        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertEquals(1, lease.epoch());
        assertEquals("node-a", lease.owner());
        assertEquals(t0.plus(LEASE), lease.expiresAt());
        StoredRun stored = store().findRun(id).orElseThrow();
        assertEquals(RunStatus.RUNNING, stored.info().status());
        assertEquals("node-a", stored.leaseOwner());
        assertEquals(1, stored.leaseEpoch());
    }

    @Test
    void a_live_lease_cannot_be_claimed_but_an_expired_one_can() {
        RunId id = newRun("c2", t0);
        store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertTrue(store().claim(id, "node-b", t0.plusSeconds(10), LEASE).isEmpty());

        Lease taken = store().claim(id, "node-b", t0.plus(LEASE).plusMillis(1), LEASE).orElseThrow();
        assertEquals(2, taken.epoch());
        assertEquals("node-b", store().findRun(id).orElseThrow().leaseOwner());
    }

    @Test
    void renewing_extends_a_current_lease_and_fails_for_a_stale_one() {
        RunId id = newRun("r1", t0);
        Lease a = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertTrue(store().renew(a, t0.plusSeconds(50)));
        assertTrue(store().claim(id, "node-b", t0.plusSeconds(40), LEASE).isEmpty());

        Lease b = store().claim(id, "node-b", t0.plusSeconds(51), LEASE).orElseThrow();
        assertFalse(store().renew(a, t0.plusSeconds(90)));
        assertTrue(store().renew(b, t0.plusSeconds(90)));
    }

    @Test
    void the_journal_comes_back_whole_and_in_order() {
        RunId id = newRun("j1", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        for (int i = 0; i < 50; i++) {
            store().appendStep(lease, completed(i, "s" + i, "{\"v\":" + i + "}", t0.plusSeconds(i)));
        }
        StepInfo failed = new StepInfo(50, "bad#1", "bad", StepStatus.FAILED, 1, null, null,
                "java.lang.IllegalStateException", "no stock", t0, t0.plusMillis(1));
        store().appendStep(lease, failed);

        List<StepInfo> journal = store().loadJournal(id);

        assertEquals(51, journal.size());
        for (int i = 0; i < 50; i++) {
            assertEquals(completed(i, "s" + i, "{\"v\":" + i + "}", t0.plusSeconds(i)), journal.get(i));
        }
        assertEquals(failed, journal.get(50));
    }

    @Test
    void a_node_that_lost_its_lease_cannot_journal_or_finish() {
        RunId id = newRun("f1", t0);
        Lease stale = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        Lease current = store().claim(id, "node-b", t0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

        assertThrows(LeaseLostException.class,
                () -> store().appendStep(stale, completed(0, "a", "1", t0)));
        assertThrows(LeaseLostException.class,
                () -> store().finishRun(stale, RunStatus.COMPLETED, "1", null, t0));

        store().appendStep(current, completed(0, "a", "2", t0));
        assertEquals("2", store().loadJournal(id).get(0).resultJson());
    }

    @Test
    void a_step_key_is_journaled_once() {
        RunId id = newRun("k1", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        store().appendStep(lease, completed(0, "a", "1", t0));

        assertThrows(JournalConflictException.class,
                () -> store().appendStep(lease, completed(0, "a", "2", t0)));
        assertEquals(1, store().loadJournal(id).size());
        assertEquals("1", store().loadJournal(id).get(0).resultJson());
    }

    @Test
    void finishing_stores_the_outcome_and_ends_the_lease() {
        RunId ok = newRun("done-1", t0);
        Lease okLease = store().claim(ok, "node-a", t0, LEASE).orElseThrow();
        store().finishRun(okLease, RunStatus.COMPLETED, "{\"total\":3}", null, t0.plusSeconds(2));

        RunId bad = newRun("done-2", t0);
        Lease badLease = store().claim(bad, "node-a", t0, LEASE).orElseThrow();
        store().finishRun(badLease, RunStatus.FAILED, null, "boom", t0.plusSeconds(3));

        RunInfo okInfo = store().findRun(ok).orElseThrow().info();
        assertEquals(RunStatus.COMPLETED, okInfo.status());
        assertEquals("{\"total\":3}", okInfo.outputJson());
        assertEquals(t0.plusSeconds(2), okInfo.finishedAt());
        RunInfo badInfo = store().findRun(bad).orElseThrow().info();
        assertEquals(RunStatus.FAILED, badInfo.status());
        assertEquals("boom", badInfo.error());

        Instant muchLater = t0.plus(Duration.ofDays(1));
        assertTrue(store().claim(ok, "node-b", muchLater, LEASE).isEmpty());
        assertTrue(store().claim(bad, "node-b", muchLater, LEASE).isEmpty());
        assertFalse(store().findClaimable(muchLater, 1000).contains(ok));
    }

    @Test
    void finishing_with_a_status_that_is_not_terminal_is_refused() {
        RunId id = newRun("bad-finish", t0);
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();

        assertThrows(IllegalArgumentException.class,
                () -> store().finishRun(lease, RunStatus.PENDING, null, null, t0));
    }

    @Test
    void claimable_runs_are_the_pending_ones_and_those_whose_node_died() {
        RunId pending = newRun("p", t0);
        RunId live = newRun("live", t0);
        RunId dead = newRun("dead", t0);
        RunId released = newRun("released", t0);
        store().claim(live, "node-a", t0.plusSeconds(20), LEASE).orElseThrow();
        store().claim(dead, "node-a", t0, LEASE).orElseThrow();
        Lease toRelease = store().claim(released, "node-a", t0.plusSeconds(20), LEASE).orElseThrow();
        store().release(toRelease, t0.plusSeconds(31));

        List<RunId> claimable = store().findClaimable(t0.plusSeconds(31), 1000);

        assertTrue(claimable.contains(pending), "pending");
        assertTrue(claimable.contains(dead), "expired lease");
        assertTrue(claimable.contains(released), "released lease");
        assertFalse(claimable.contains(live), "live lease");
        assertEquals(2, store().claim(released, "node-b", t0.plusSeconds(31), LEASE).orElseThrow().epoch());
    }

    @Test
    void listing_filters_by_workflow_and_status_newest_first() {
        RunId older = newRun("l1", t0);
        RunId newer = newRun("l2", t0.plusSeconds(1));
        RunId running = newRun("l3", t0.plusSeconds(2));
        store().claim(running, "node-a", t0, LEASE).orElseThrow();

        assertEquals(List.of(running, newer, older), ids(store().listRuns(new RunQuery(workflow, null, 10))));
        assertEquals(List.of(newer, older), ids(store().listRuns(new RunQuery(workflow, RunStatus.PENDING, 10))));
        assertEquals(List.of(running), ids(store().listRuns(new RunQuery(workflow, RunStatus.RUNNING, 10))));
        assertEquals(List.of(running, newer), ids(store().listRuns(new RunQuery(workflow, null, 2))));
    }

    @Test
    void of_eight_nodes_claiming_one_run_at_once_exactly_one_wins() throws Exception {
        RunId id = newRun("race", t0);
        int nodes = 8;
        CyclicBarrier barrier = new CyclicBarrier(nodes);
        ExecutorService pool = Executors.newFixedThreadPool(nodes);
        try {
            List<Future<Optional<Lease>>> claims = new ArrayList<>();
            for (int i = 0; i < nodes; i++) {
                String owner = "node-" + i;
                Callable<Optional<Lease>> claim = () -> {
                    barrier.await(10, TimeUnit.SECONDS);
                    return store().claim(id, owner, t0, LEASE);
                };
                claims.add(pool.submit(claim));
            }
            int winners = 0;
            for (Future<Optional<Lease>> claim : claims) {
                if (claim.get(30, TimeUnit.SECONDS).isPresent()) {
                    winners++;
                }
            }
            assertEquals(1, winners);
            assertEquals(1, store().findRun(id).orElseThrow().leaseEpoch());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void long_payloads_survive_the_round_trip() {
        String big = "x".repeat(200_000);
        RunId id = RunId.random();
        store().createRun(new NewRun(id, workflow, 1, "big", "\"" + big + "\"", t0));
        Lease lease = store().claim(id, "node-a", t0, LEASE).orElseThrow();
        store().appendStep(lease, completed(0, "a", "\"" + big + "\"", t0));

        assertEquals("\"" + big + "\"", store().findRun(id).orElseThrow().info().inputJson());
        assertNotNull(store().loadJournal(id).get(0).resultJson());
        assertEquals(big.length() + 2, store().loadJournal(id).get(0).resultJson().length());
        assertEquals(t0.truncatedTo(ChronoUnit.MILLIS), store().loadJournal(id).get(0).startedAt());
    }

    private static List<RunId> ids(List<RunInfo> runs) {
        return runs.stream().map(RunInfo::id).toList();
    }
}
