package io.durable.cdi.internal;

import io.durable.api.OperatorAction;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunPage;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.RunTree;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.RunCursor;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What an operator reads and does is bounded where it must be and unbounded where it must not be: the
 * cancel cascade reaches every unfinished descendant however many (no cap at a thousand), a run tree
 * stops at its bound with the cut nodes marked and without recursion, and runs page newest first with
 * a cursor that lists each run once. The runs are stored directly (paused, so no sweep executes them):
 * what is tested is the engine's reading and cancelling, not their workflows.
 */
class RunBoundsTest extends EngineTestBase {

    private static final Instant T = TestEngineConfig.START;

    @Inject
    SyncWorkflows.TestOwner owner;

    @BeforeEach
    void noTenant() {
        owner.set("");
    }

    /** A paused run stored as is, with a parent or none. */
    private RunId stored(String workflow, String instanceId, Instant createdAt, RunId parent, String tenant) {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, workflow, 1, instanceId, null, createdAt, parent,
                parent == null ? null : "@child:" + instanceId + "#1", tenant));
        store.control(id, new OperatorAction(OperatorAction.Kind.PAUSE, "test", "kept still", createdAt));
        return id;
    }

    @Test
    void cancelling_a_parent_cancels_every_unfinished_descendant_past_a_thousand_children() {
        RunId parent = stored("fan-out", "fan-1", T, null, "");
        List<RunId> children = new ArrayList<>();
        for (int i = 0; i < 1_050; i++) {
            // a hundred children share each instant: the cascade pages through ties
            children.add(stored("fan-child", "fan-1-" + i, T.plusMillis(i / 100), parent, ""));
        }
        List<RunId> grandchildren = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            grandchildren.add(stored("fan-grandchild", "g5-" + i, T.plusSeconds(5), children.get(5), ""));
            grandchildren.add(stored("fan-grandchild", "g1049-" + i, T.plusSeconds(5), children.get(1_049), ""));
        }
        OperatorAction earlier = new OperatorAction(OperatorAction.Kind.CANCEL, "earlier", "done before", T);
        store.control(children.get(7), earlier);
        store.control(children.get(700), earlier);

        RunInfo cancelled = engine.cancel(parent, "ops", "stop everything");

        assertEquals(RunStatus.CANCELLED, cancelled.status());
        assertEquals(Map.of(RunStatus.CANCELLED, 1_050L), engine.countByStatus(RunQuery.childrenOf(parent)));
        for (int i = 0; i < children.size(); i++) {
            OperatorAction action = engine.status(children.get(i)).lastAction();
            if (i == 7 || i == 700) {
                assertEquals("earlier", action.actor(), "a child that had finished is left as it ended");
            } else {
                assertEquals("ops", action.actor(), "child " + i);
                assertEquals("parent run " + parent + " was cancelled", action.reason(), "child " + i);
            }
        }
        for (RunId grandchild : grandchildren) {
            RunInfo run = engine.status(grandchild);
            assertEquals(RunStatus.CANCELLED, run.status(), "grandchild " + run.instanceId());
            assertTrue(run.lastAction().reason().startsWith("parent run "), run.lastAction().reason());
        }
    }

    @Test
    void a_tree_stops_at_its_bound_breadth_first_and_marks_every_node_whose_children_were_cut() {
        RunId root = stored("tree", "root", T, null, "");
        for (int i = 0; i < 30; i++) {
            RunId child = stored("tree", "c" + i, T.plusSeconds(1 + i), root, "");
            for (int j = 0; j < 5; j++) {
                stored("tree", "c" + i + "-" + j, T.plusSeconds(100 + j), child, "");
            }
        }

        RunTree bounded = engine.tree(root, 50);
        List<RunTree> nodes = nodes(bounded);

        assertEquals(50, nodes.size());
        assertEquals(30, bounded.children().size(), "breadth first: the children come before any grandchild");
        assertFalse(bounded.truncated());
        List<Instant> order = bounded.children().stream().map(t -> t.run().createdAt()).toList();
        assertEquals(order.stream().sorted().toList(), order, "children oldest first");
        int cut = 0;
        for (RunTree node : nodes) {
            int stored = store.listRuns(RunQuery.childrenOf(node.run().id())).size();
            assertEquals(node.children().size() < stored, node.truncated(), "node " + node.run().instanceId());
            cut += node.truncated() ? 1 : 0;
        }
        assertEquals(27, cut, "three children complete, one cut short, 26 not read: 19 grandchildren fit");

        RunTree whole = engine.tree(root);
        assertEquals(181, nodes(whole).size());
        assertTrue(nodes(whole).stream().noneMatch(RunTree::truncated));
        assertEquals(1, nodes(engine.tree(root, 1)).size());
        assertTrue(engine.tree(root, 1).truncated());
    }

    @Test
    void a_chain_deeper_than_the_bound_is_read_to_the_bound_without_recursion() {
        RunId top = stored("chain", "link-0", T, null, "");
        RunId parent = top;
        for (int i = 1; i < 1_200; i++) {
            parent = stored("chain", "link-" + i, T.plusMillis(i), parent, "");
        }

        RunTree tree = engine.tree(top, RunQuery.MAX_LIMIT);

        RunTree node = tree;
        for (int depth = 1; depth < RunQuery.MAX_LIMIT; depth++) {
            assertFalse(node.truncated(), "depth " + depth);
            assertEquals(1, node.children().size(), "depth " + depth);
            node = node.children().get(0);
        }
        assertEquals("link-999", node.run().instanceId());
        assertTrue(node.children().isEmpty());
        assertTrue(node.truncated(), "the last run read has a child the bound left out");
        assertThrows(IllegalArgumentException.class, () -> engine.tree(top, 0));
        assertThrows(IllegalArgumentException.class, () -> engine.tree(top, RunQuery.MAX_LIMIT + 1));
    }

    @Test
    void pages_of_runs_list_each_of_the_callers_runs_once_newest_first_with_a_cursor() {
        List<RunInfo> mine = new ArrayList<>();
        for (int i = 0; i < 230; i++) {
            // seven runs share each instant: their ids order them
            mine.add(store.findRun(stored("paged", "p-" + i, T.plusMillis(i / 7), null, "tenant-p")).orElseThrow().info());
        }
        for (int i = 0; i < 15; i++) {
            stored("paged", "q-" + i, T.plusMillis(i), null, "tenant-q");
        }
        List<RunId> expected = mine.stream().sorted(RunCursor.NEWEST_FIRST).map(RunInfo::id).toList();

        owner.set("tenant-p");
        List<RunId> paged = new ArrayList<>();
        RunQuery query = RunQuery.all().withWorkflow("paged").withLimit(40);
        int pages = 0;
        for (RunPage page = engine.page(query); ; page = engine.page(query.withCursor(page.nextCursor()))) {
            pages++;
            page.runs().forEach(r -> paged.add(r.id()));
            if (pages == 2) {
                for (int i = 0; i < 10; i++) {
                    // started while the caller pages: newer than every page read, on none that follows
                    stored("paged", "late-" + i, T.plusSeconds(60), null, "tenant-p");
                }
            }
            if (page.next().isEmpty()) {
                break;
            }
            assertTrue(pages < 10, "paging ends");
        }

        assertEquals(6, pages);
        assertEquals(expected, paged);
        assertEquals(new HashSet<>(paged).size(), paged.size());
        assertEquals(40, engine.list(query).size());
        assertEquals(Map.of(RunStatus.PENDING, 240L), engine.countByStatus(query));
        owner.set("tenant-q");
        assertEquals(15, engine.page(query).runs().size());
        assertNull(engine.page(query).nextCursor());
    }

    @Test
    void a_cursor_the_engine_did_not_give_out_is_refused() {
        RunId older = stored("cursor", "c-1", T, null, "");
        RunId newer = stored("cursor", "c-2", T.plusMillis(1), null, "");
        RunPage first = engine.page(RunQuery.all().withLimit(1));
        assertEquals(List.of(newer), first.runs().stream().map(RunInfo::id).toList());
        assertEquals(List.of(older), engine.page(RunQuery.all().withLimit(1).withCursor(first.nextCursor())).runs()
                .stream().map(RunInfo::id).toList());
        Set<String> bad = Set.of("not a cursor", "bm90IGEgY3Vyc29y",
                Base64.getUrlEncoder().encodeToString("r1.12.x.run".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString("r1.1.2.".getBytes(StandardCharsets.UTF_8)),
                Base64.getUrlEncoder().withoutPadding().encodeToString(("r1.1.2." + "x".repeat(65))
                        .getBytes(StandardCharsets.UTF_8)));
        for (String cursor : bad) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> engine.page(RunQuery.all().withCursor(cursor)), cursor);
            assertFalse(e.getMessage().contains(cursor), "the caller's text is not echoed");
        }
        assertThrows(IllegalArgumentException.class, () -> RunQuery.all().withCursor("x".repeat(RunQuery.MAX_CURSOR + 1)));
    }

    @Test
    void a_journal_reads_a_page_at_a_time_and_the_bounds_are_checked() {
        RunId id = RunId.random();
        store.createRun(new NewRun(id, "journal", 1, "j-1", null, T));
        Lease lease = store.claim(id, "other-node", T, TestEngineConfig.LEASE).orElseThrow();
        for (int i = 0; i < 30; i++) {
            store.appendStep(lease, new StepInfo(i, "s" + i + "#1", "s" + i, StepStatus.COMPLETED, 1, null, "1", null,
                    null, T, T));
        }

        assertEquals(List.of(10, 11, 12, 13, 14), engine.steps(id, 10, 5).stream().map(StepInfo::sequence).toList());
        assertEquals(30, engine.steps(id, 0, RunQuery.MAX_LIMIT).size());
        assertEquals(List.of(), engine.steps(id, 30, 5));
        assertThrows(IllegalArgumentException.class, () -> engine.steps(id, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> engine.steps(id, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> engine.steps(id, 0, RunQuery.MAX_LIMIT + 1));
        assertThrows(IllegalArgumentException.class, () -> engine.signals(id, 0));
        assertThrows(IllegalArgumentException.class, () -> engine.signals(id, RunQuery.MAX_LIMIT + 1));
    }

    /** Every node of a tree, breadth first, without recursion. */
    private static List<RunTree> nodes(RunTree tree) {
        List<RunTree> all = new ArrayList<>();
        Deque<RunTree> queue = new ArrayDeque<>(List.of(tree));
        while (!queue.isEmpty() && all.size() <= 100_000) {
            RunTree node = queue.poll();
            all.add(node);
            queue.addAll(node.children());
        }
        return all;
    }
}
