package io.durable.spi;

import io.durable.api.Approval;
import io.durable.api.ApprovalStatus;
import io.durable.api.ConflictPolicy;
import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.SignalInfo;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The reads of the operator surface, run by {@link WorkflowStoreContractTest} on every store: pages of
 * runs newest first by (creation time, id) with every filter and a cursor, counts per status, pages of
 * a journal, a run's signals with their consumed flag, and the owner filter of pending approvals. Each
 * test uses its own workflow name and owners, so tests share a database safely.
 */
public abstract class RunReadsContract {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private final Instant t0 = Instant.parse("2026-02-01T00:00:00Z");
    private String workflow;
    private String tenant;

    /**
     * The store under test; each call must work on its own (in its own transaction).
     *
     * @return the store
     */
    protected abstract WorkflowStore store();

    @BeforeEach
    void newNames() {
        workflow = "reads-" + UUID.randomUUID();
        tenant = "tenant-" + UUID.randomUUID();
    }

    private RunInfo run(String instanceId, Instant at, String owner) {
        return store().createRun(new NewRun(RunId.random(), workflow, 1, instanceId, null, at).withOwner(owner),
                ConflictPolicy.FAIL, at);
    }

    private RunFilter ofWorkflow() {
        return new RunFilter(workflow, null, null, null, null, null, null);
    }

    /** Every page of a filter, limit runs at a time, with the number of pages read. */
    private List<RunInfo> allPages(RunFilter filter, int limit) {
        List<RunInfo> all = new ArrayList<>();
        RunCursor after = null;
        for (int pages = 0; pages < 1_000; pages++) {
            List<RunInfo> page = store().pageRuns(filter, after, limit);
            all.addAll(page);
            if (page.size() < limit) {
                return all;
            }
            after = RunCursor.decode(RunCursor.of(page.get(page.size() - 1)).encode());
        }
        throw new AssertionError("paging did not end");
    }

    private static List<RunId> ids(List<RunInfo> runs) {
        return runs.stream().map(RunInfo::id).toList();
    }

    @Test
    void pages_list_every_run_once_newest_first_with_ties_on_the_creation_time_ordered_by_id() {
        List<RunInfo> created = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            // five runs share each instant: only the id orders them
            created.add(run("r" + i, t0.plusMillis(i / 5), ""));
        }
        List<RunInfo> expected = created.stream().sorted(RunCursor.NEWEST_FIRST).toList();

        for (int limit : new int[]{1, 4, 5, 23, 50}) {
            List<RunInfo> paged = allPages(ofWorkflow(), limit);
            assertEquals(ids(expected), ids(paged), "pages of " + limit);
        }
        List<RunInfo> first = store().pageRuns(ofWorkflow(), null, 3);
        assertEquals(ids(expected.subList(0, 3)), ids(first));
        assertEquals(ids(expected.subList(3, 6)), ids(store().pageRuns(ofWorkflow(), RunCursor.of(first.get(2)), 3)));
        assertEquals(List.of(), store().pageRuns(ofWorkflow(), RunCursor.of(expected.get(22)), 3), "past the end");
    }

    @Test
    void runs_created_while_paging_are_never_listed_twice_nor_make_a_run_skipped() throws Exception {
        List<RunInfo> before = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            before.add(run("old-" + i, t0.plusMillis(i / 3), ""));
        }
        List<RunInfo> expected = before.stream().sorted(RunCursor.NEWEST_FIRST).toList();
        ExecutorService starters = Executors.newFixedThreadPool(2);
        try {
            List<RunInfo> paged = new ArrayList<>(store().pageRuns(ofWorkflow(), null, 4));
            // newer runs are created while the pages are read, some at the instant of the newest page
            List<Future<?>> inserts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                int n = i;
                inserts.add(starters.submit(() -> run("new-" + n, n % 4 == 0 ? expected.get(0).createdAt()
                        : t0.plusSeconds(10 + n), "")));
            }
            RunCursor after = RunCursor.of(paged.get(paged.size() - 1));
            for (int pages = 0; pages < 100; pages++) {
                List<RunInfo> page = store().pageRuns(ofWorkflow(), after, 4);
                paged.addAll(page);
                if (page.size() < 4) {
                    break;
                }
                after = RunCursor.of(page.get(page.size() - 1));
            }
            for (Future<?> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
            Set<RunId> unique = new HashSet<>(ids(paged));
            assertEquals(paged.size(), unique.size(), "no run listed twice");
            assertTrue(unique.containsAll(ids(expected)), "every run that existed is listed");
            List<RunId> olderThanFirstPage = ids(paged.subList(4, paged.size()));
            assertTrue(olderThanFirstPage.stream().allMatch(id -> ids(expected).contains(id)
                    || store().findRun(id).orElseThrow().info().createdAt().equals(expected.get(0).createdAt())),
                    "only a run that ties the newest page's instant (and sorts after it) joins a later page");
            assertEquals(ids(expected), ids(paged).stream().filter(ids(expected)::contains).toList(), "in order");
        } finally {
            starters.shutdownNow();
        }
    }

    @Test
    void every_filter_narrows_the_pages_and_the_owner_is_exact() {
        RunInfo mineOld = run("a", t0, tenant);
        RunInfo mineNew = run("b", t0.plusSeconds(10), tenant);
        RunInfo unowned = run("c", t0.plusSeconds(20), "");
        RunInfo other = run("d", t0.plusSeconds(30), tenant + "-other");
        RunInfo child = store().createRun(new NewRun(RunId.random(), workflow, 1, "a:child", null, t0.plusSeconds(40),
                mineOld.id(), "@child:x#1").withOwner(tenant), ConflictPolicy.FAIL, t0);
        store().control(mineNew.id(), new OperatorAction(OperatorAction.Kind.CANCEL, "ops", "", t0.plusSeconds(50)));

        assertEquals(ids(List.of(child, other, unowned, mineNew, mineOld)), ids(store().pageRuns(ofWorkflow(), null, 10)));
        assertEquals(ids(List.of(child, mineNew, mineOld)), ids(store().pageRuns(ofWorkflow().withOwner(tenant), null, 10)));
        assertEquals(ids(List.of(unowned)), ids(store().pageRuns(ofWorkflow().withOwner(""), null, 10)),
                "the empty owner is an owner");
        assertEquals(ids(List.of(mineNew)), ids(store().pageRuns(ofWorkflow().withStatus(RunStatus.CANCELLED), null, 10)));
        assertEquals(ids(List.of(unowned)), ids(store().pageRuns(
                new RunFilter(workflow, null, null, "c", null, null, null), null, 10)));
        assertEquals(ids(List.of(child)), ids(store().pageRuns(RunFilter.childrenOf(mineOld.id()), null, 10)));
        assertEquals(ids(List.of(unowned, mineNew)), ids(store().pageRuns(new RunFilter(workflow, null, null, null, null,
                t0.plusSeconds(10), t0.plusSeconds(30)), null, 10)), "from inclusive, before exclusive");
        assertEquals(List.of(), store().pageRuns(new RunFilter(workflow + "-none", null, null, null, null, null, null),
                null, 10));
        assertEquals(ids(List.of(child, mineOld)), ids(store().listRuns(new RunQuery(workflow, null, 10)
                .withOwner(tenant).withStatus(RunStatus.PENDING))), "the listing honours the owner filter");
        assertEquals(ids(List.of(other)), ids(store().listRuns(new RunQuery(workflow, null, 10).withInstanceId("d"))));
        assertEquals(ids(List.of(mineNew)), ids(store().listRuns(new RunQuery(workflow, null, 10)
                .withCreated(t0.plusSeconds(5), t0.plusSeconds(15)))));
    }

    @Test
    void counts_per_status_follow_the_filters() {
        RunInfo a = run("a", t0, tenant);
        RunInfo b = run("b", t0.plusSeconds(1), tenant);
        run("c", t0.plusSeconds(2), tenant);
        run("d", t0.plusSeconds(3), "");
        store().control(a.id(), new OperatorAction(OperatorAction.Kind.CANCEL, "ops", "", t0.plusSeconds(5)));
        store().claim(b.id(), "node-a", t0.plusSeconds(5), LEASE).orElseThrow();

        assertEquals(Map.of(RunStatus.CANCELLED, 1L, RunStatus.RUNNING, 1L, RunStatus.PENDING, 2L),
                store().countRuns(ofWorkflow()));
        assertEquals(Map.of(RunStatus.CANCELLED, 1L, RunStatus.RUNNING, 1L, RunStatus.PENDING, 1L),
                store().countRuns(ofWorkflow().withOwner(tenant)));
        assertEquals(Map.of(RunStatus.PENDING, 1L), store().countRuns(ofWorkflow().withOwner("")));
        assertEquals(Map.of(RunStatus.PENDING, 1L), store().countRuns(ofWorkflow().withStatus(RunStatus.PENDING)
                .withOwner(tenant)));
        assertEquals(Map.of(RunStatus.RUNNING, 1L, RunStatus.PENDING, 2L), store().countRuns(
                new RunFilter(workflow, null, null, null, null, t0.plusSeconds(1), null)));
        assertEquals(Map.of(), store().countRuns(ofWorkflow().withOwner(tenant + "-none")));
    }

    @Test
    void a_journal_reads_a_page_at_a_time_from_a_sequence() {
        RunInfo run = run("j", t0, "");
        Lease lease = store().claim(run.id(), "node-a", t0, LEASE).orElseThrow();
        for (int i = 0; i < 45; i++) {
            store().appendStep(lease, new StepInfo(i, "s" + i + "#1", "s" + i, StepStatus.COMPLETED, 1, null,
                    "{\"v\":" + i + "}", null, null, t0.plusMillis(i), t0.plusMillis(i + 1)));
        }
        List<StepInfo> whole = store().loadJournal(run.id());

        assertEquals(whole.subList(0, 20), store().loadJournal(run.id(), 0, 20));
        assertEquals(whole.subList(20, 40), store().loadJournal(run.id(), 20, 20));
        assertEquals(whole.subList(40, 45), store().loadJournal(run.id(), 40, 20));
        assertEquals(List.of(), store().loadJournal(run.id(), 45, 20));
        assertEquals(whole.subList(7, 10), store().loadJournal(run.id(), 7, 3));
        assertEquals(List.of(), store().loadJournal(RunId.random(), 0, 20));
    }

    @Test
    void a_runs_signals_list_in_the_order_sent_with_whether_each_was_consumed() {
        RunInfo run = run("s", t0, "");
        RunInfo other = run("t", t0, "");
        for (int i = 0; i < 5; i++) {
            store().sendSignal(new NewSignal("sig-" + UUID.randomUUID(), run.id(), "go", i == 2 ? null : "{\"n\":" + i + "}",
                    null, t0.plusMillis(i)));
        }
        store().sendSignal(new NewSignal("sig-" + UUID.randomUUID(), other.id(), "go", null, null, t0));
        Lease lease = store().claim(run.id(), "node-a", t0, LEASE).orElseThrow();
        StoredSignal first = store().nextSignal(run.id(), "go").orElseThrow();
        store().consumeSignal(lease, first.id(), new StepInfo(0, "@signal:go#1", "@signal:go", StepStatus.COMPLETED, 1,
                null, first.payloadJson(), null, null, t0, t0));

        List<SignalInfo> signals = store().listSignals(run.id(), 10);

        assertEquals(5, signals.size());
        assertEquals(first.id(), signals.get(0).id());
        assertTrue(signals.get(0).consumed());
        assertTrue(signals.subList(1, 5).stream().noneMatch(SignalInfo::consumed));
        for (int i = 0; i < 5; i++) {
            assertEquals("go", signals.get(i).name());
            assertEquals(i == 2 ? null : "{\"n\":" + i + "}", signals.get(i).payloadJson());
            assertEquals(t0.plusMillis(i), signals.get(i).sentAt());
        }
        assertEquals(signals.subList(0, 2), store().listSignals(run.id(), 2));
        assertEquals(List.of(), store().listSignals(RunId.random(), 10));
    }

    @Test
    void pending_approvals_filter_by_the_runs_owner() {
        RunInfo mine = run("m", t0, tenant);
        RunInfo unowned = run("u", t0, "");
        for (RunInfo run : List.of(mine, unowned)) {
            Lease lease = store().claim(run.id(), "node-a", t0, LEASE).orElseThrow();
            store().requestApproval(lease, new Approval(run.id(), workflow, "ship", ApprovalStatus.PENDING, t0,
                    t0.plusSeconds(600), null, null, null), new StepInfo(0, "@approval:ship#1", "@approval:ship",
                    StepStatus.COMPLETED, 1, null, null, null, null, t0, t0));
        }

        List<Approval> ofTenant = store().pendingApprovals(null, tenant, 1000);
        assertEquals(List.of(mine.id()), ofTenant.stream().map(Approval::runId).toList());
        assertEquals(List.of(unowned.id()), store().pendingApprovals(unowned.id(), "", 10).stream()
                .map(Approval::runId).toList(), "the empty owner is an owner");
        assertEquals(List.of(), store().pendingApprovals(mine.id(), "", 10), "another owner's run: none");
        assertEquals(List.of(), store().pendingApprovals(unowned.id(), tenant, 10), "another owner's run: none");
        assertEquals(1, store().pendingApprovals(mine.id(), null, 10).size());
        assertEquals(1, store().pendingApprovals(mine.id(), 10).size(), "without an owner: every owner's");
    }
}
