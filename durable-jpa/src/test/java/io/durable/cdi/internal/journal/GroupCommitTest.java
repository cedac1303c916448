package io.durable.cdi.internal.journal;

import io.durable.api.DuplicateInstanceException;
import io.durable.api.LeaseLostException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.jpa.Databases;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.JournalConflictException;
import io.durable.spi.Lease;
import io.durable.spi.NewRun;
import io.durable.spi.StoredRun;
import io.durable.spi.WorkflowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The group commit on H2, PostgreSQL and MariaDB: entries of several runs queued while the writer is
 * busy go out in one write (one auto-committed statement on PostgreSQL, one transaction elsewhere), and an entry that cannot be written (a lost lease, an existing
 * entry) fails only its own step, never its batch neighbours'.
 */
class GroupCommitTest {

    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    static List<Databases.Target> databases() {
        return Databases.all("durable-group-commit");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void entries_queued_behind_a_busy_writer_share_one_write(Databases.Target database) throws Exception {
        withStore(database, (store, commit, writes) -> {
            List<Lease> leases = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                leases.add(leased(store, "healthy-" + i));
            }
            List<Callable<Void>> appends = new ArrayList<>();
            for (Lease lease : leases) {
                appends.add(append(commit, lease, entry(0, "a")));
            }
            List<Throwable> outcomes = appendBehindBusyWriter(commit, appends);

            outcomes.forEach(failure -> assertNull(failure, () -> "an entry failed: " + failure));
            assertEquals(List.of("appendStepsCommitted"), writes, "one write for the six entries");
            for (Lease lease : leases) {
                assertEquals(1, store.loadJournal(lease.runId()).size());
            }
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_fenced_run_and_an_existing_entry_fail_only_their_own_steps(Databases.Target database) throws Exception {
        withStore(database, (store, commit, writes) -> {
            Lease healthy = leased(store, "healthy");
            Lease fenced = leased(store, "fenced");
            Lease conflicting = leased(store, "conflicting");
            Lease other = leased(store, "other");
            store.claim(fenced.runId(), "node-b", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
            store.appendStep(conflicting, entry(0, "a"));

            List<Throwable> outcomes = appendBehindBusyWriter(commit, List.of(
                    append(commit, healthy, entry(0, "a")),
                    append(commit, fenced, entry(0, "a")),
                    append(commit, conflicting, entry(0, "a")),
                    append(commit, other, entry(0, "a"))));

            assertNull(outcomes.get(0));
            assertInstanceOf(LeaseLostException.class, outcomes.get(1));
            assertInstanceOf(JournalConflictException.class, outcomes.get(2));
            assertNull(outcomes.get(3));
            assertEquals(1, store.loadJournal(healthy.runId()).size());
            assertEquals(0, store.loadJournal(fenced.runId()).size());
            assertEquals(1, store.loadJournal(other.runId()).size());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_lone_entry_is_written_at_once_as_a_batch_of_one(Databases.Target database) throws Exception {
        withStore(database, (store, commit, writes) -> {
            Lease lease = leased(store, "lone");
            commit.append(lease, entry(0, "a"));
            commit.append(lease, entry(1, "b"));

            assertEquals(List.of("appendStepsCommitted", "appendStepsCommitted"), writes);
            assertEquals(2, store.loadJournal(lease.runId()).size());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void ends_queued_behind_a_busy_writer_share_one_write_and_a_fenced_run_fails_alone(Databases.Target database)
            throws Exception {
        withStore(database, (store, commit, writes) -> {
            Lease completed = leased(store, "completed");
            Lease fenced = leased(store, "fenced-end");
            Lease failed = leased(store, "failed");
            store.claim(fenced.runId(), "node-b", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();

            List<Throwable> outcomes = behindBusyWriter(commit.ends.lanes.get(0), List.of(
                    finish(commit, completed, RunStatus.COMPLETED, "42", null),
                    finish(commit, fenced, RunStatus.COMPLETED, "1", null),
                    finish(commit, failed, RunStatus.FAILED, null, "boom")));

            assertNull(outcomes.get(0));
            assertInstanceOf(LeaseLostException.class, outcomes.get(1));
            assertNull(outcomes.get(2));
            assertEquals(List.of("finishRunsCommitted", "finishRunCommitted"), writes,
                    "one write for the three ends, then the fenced run's end alone, which tells why it was not written");
            RunInfo done = store.findRun(completed.runId()).orElseThrow().info();
            assertEquals(RunStatus.COMPLETED, done.status());
            assertEquals("42", done.outputJson());
            assertEquals(T0.plusSeconds(2), done.finishedAt());
            assertEquals(RunStatus.RUNNING, store.findRun(fenced.runId()).orElseThrow().info().status());
            RunInfo broken = store.findRun(failed.runId()).orElseThrow().info();
            assertEquals(RunStatus.FAILED, broken.status());
            assertEquals("boom", broken.error());
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void starts_queued_behind_a_busy_writer_share_one_write_and_a_taken_instance_id_fails_alone(
            Databases.Target database) throws Exception {
        withStore(database, (store, commit, writes) -> {
            String taken = "taken";
            store.insertRun(new NewRun(RunId.random(), "group-commit", 1, taken, null, T0), "node-a", T0.plus(LEASE));
            List<NewRun> runs = List.of(new NewRun(RunId.random(), "group-commit", 1, "fresh-1", "{}", T0),
                    new NewRun(RunId.random(), "group-commit", 1, taken, "{}", T0),
                    new NewRun(RunId.random(), "group-commit", 1, "fresh-2", null, T0));
            List<StoredRun> started = new java.util.concurrent.CopyOnWriteArrayList<>(
                    java.util.Collections.nCopies(runs.size(), null));
            List<Callable<Void>> starts = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                int at = i;
                starts.add(() -> {
                    started.set(at, commit.start(runs.get(at), "node-a", T0.plus(LEASE)));
                    return null;
                });
            }

            List<Throwable> outcomes = behindBusyWriter(commit.starts.lanes.get(0), starts);

            assertNull(outcomes.get(0));
            assertInstanceOf(DuplicateInstanceException.class, outcomes.get(1));
            assertNull(outcomes.get(2));
            for (int i : new int[]{0, 2}) {
                assertEquals(RunStatus.RUNNING, started.get(i).info().status());
                assertEquals(started.get(i), store.findRun(runs.get(i).id()).orElseThrow());
            }
            assertTrue(store.findRun(runs.get(1).id()).isEmpty());
            assertEquals("insertRunsCommitted", writes.get(0));
            if (database.url().startsWith("jdbc:postgresql:")) {
                assertEquals(List.of("insertRunsCommitted", "insertRunCommitted"), writes,
                        "one write for the three starts, then the taken one alone, which names the conflict");
            }
        });
    }

    @ParameterizedTest
    @MethodSource("databases")
    void a_stale_and_a_current_execution_of_one_run_in_one_batch_are_told_apart(Databases.Target database)
            throws Exception {
        withStore(database, (store, commit, writes) -> {
            Lease stale = leased(store, "twice");
            Lease current = store.claim(stale.runId(), "node-a", T0.plus(LEASE).plusSeconds(1), LEASE).orElseThrow();
            Lease other = leased(store, "beside");
            StepInfo staleEntry = new StepInfo(0, "a#1", "a", StepStatus.COMPLETED, 1, null, "\"stale\"", null, null,
                    T0, T0.plusMillis(1));

            List<Throwable> outcomes = appendBehindBusyWriter(commit, List.of(
                    append(commit, stale, staleEntry),
                    append(commit, current, entry(0, "a")),
                    append(commit, other, entry(0, "a"))));

            assertInstanceOf(LeaseLostException.class, outcomes.get(0));
            assertNull(outcomes.get(1));
            assertNull(outcomes.get(2));
            assertEquals(List.of(entry(0, "a")), store.loadJournal(current.runId()));
        });
    }

    /**
     * On PostgreSQL a run row another transaction holds locked is skipped by the batch, not waited for:
     * the other runs' entries are written at once and the locked run's entry waits alone for its lock.
     * (Elsewhere a batch is a transaction of fenced inserts, which waits for the lock.)
     */
    @Test
    void a_run_row_locked_elsewhere_holds_up_only_its_own_entry() throws Exception {
        Databases.Target database = new Databases.Target(Databases.postgresUrl(), "postgres", "");
        withStore(database, (store, commit, writes) -> {
            Lease locked = leased(store, "locked");
            Lease first = leased(store, "free-1");
            Lease second = leased(store, "free-2");
            ExecutorService threads = Executors.newFixedThreadPool(4);
            try (Connection holder = DriverManager.getConnection(database.url(), database.user(), database.password())) {
                holder.setAutoCommit(false);
                try (PreparedStatement lock = holder.prepareStatement("SELECT id FROM durable_run WHERE id = ? FOR UPDATE")) {
                    lock.setString(1, locked.runId().value());
                    lock.executeQuery().close();
                }
                SharedWrites.Lane<?> lane = commit.entries.lanes.get(0);
                List<Future<Void>> futures = new ArrayList<>();
                lane.writer.lock();
                try {
                    for (Lease lease : List.of(locked, first, second)) {
                        futures.add(threads.submit(append(commit, lease, entry(0, "a"))));
                    }
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                    while (lane.queue.size() < 3) {
                        assertTrue(System.nanoTime() < deadline, "the entries were not queued");
                        LockSupport.parkNanos(1_000_000);
                    }
                } finally {
                    lane.release();
                }
                futures.get(1).get(30, TimeUnit.SECONDS);
                futures.get(2).get(30, TimeUnit.SECONDS);
                assertFalse(futures.get(0).isDone(), "the locked run's entry waits for its lock");
                // a locked run's entry alone (a batch of one) leaves the lane free too
                Future<Void> alone = threads.submit(append(commit, locked, entry(1, "b")));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (sessionsWaitingForALock(database) < 2) {
                    assertTrue(System.nanoTime() < deadline, "the second entry of the locked run did not wait");
                    LockSupport.parkNanos(5_000_000);
                }
                threads.submit(append(commit, first, entry(1, "b"))).get(30, TimeUnit.SECONDS);
                assertFalse(alone.isDone(), "the locked run's second entry waits for its lock");
                holder.rollback();
                futures.get(0).get(30, TimeUnit.SECONDS);
                alone.get(30, TimeUnit.SECONDS);
            } finally {
                threads.shutdownNow();
            }
            assertEquals(2, store.loadJournal(locked.runId()).size());
            assertEquals(2, store.loadJournal(first.runId()).size());
            assertEquals(1, store.loadJournal(second.runId()).size());
            assertEquals(List.of("appendStepsCommitted", "appendStepCommitted"), writes.subList(0, 2));
        });
    }

    /**
     * Sessions of this database that wait for a lock (here: for the run row the test holds), read on a
     * connection of its own: PostgreSQL keeps one snapshot of the activity per transaction.
     */
    private static int sessionsWaitingForALock(Databases.Target database) throws Exception {
        try (Connection connection = DriverManager.getConnection(database.url(), database.user(), database.password());
             PreparedStatement query = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity "
                + "WHERE datname = current_database() AND wait_event_type = 'Lock'");
             java.sql.ResultSet rows = query.executeQuery()) {
            rows.next();
            return rows.getInt(1);
        }
    }

    /**
     * Holds the one lane's lock while every append queues its entry, then leaves the lane as a writer
     * does: the thread it wakes writes all of them in one batch.
     */
    private static List<Throwable> appendBehindBusyWriter(GroupCommit commit, List<Callable<Void>> appends)
            throws Exception {
        return behindBusyWriter(commit.entries.lanes.get(0), appends);
    }

    private static List<Throwable> behindBusyWriter(SharedWrites.Lane<?> lane, List<Callable<Void>> appends)
            throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(appends.size());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            lane.writer.lock();
            try {
                for (Callable<Void> append : appends) {
                    futures.add(threads.submit(append));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
                while (lane.queue.size() < appends.size()) {
                    assertTrue(System.nanoTime() < deadline, "the entries were not queued");
                    LockSupport.parkNanos(1_000_000);
                }
            } finally {
                lane.release();
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Void> future : futures) {
                try {
                    future.get(60, TimeUnit.SECONDS);
                    outcomes.add(null);
                } catch (java.util.concurrent.ExecutionException e) {
                    outcomes.add(e.getCause());
                }
            }
            return outcomes;
        } finally {
            threads.shutdownNow();
        }
    }

    private static Callable<Void> append(GroupCommit commit, Lease lease, StepInfo entry) {
        return () -> {
            commit.append(lease, entry);
            return null;
        };
    }

    private static Callable<Void> finish(GroupCommit commit, Lease lease, RunStatus status, String output,
                                         String error) {
        return () -> {
            commit.finish(lease, status, output, error, T0.plusSeconds(2));
            return null;
        };
    }

    private static Lease leased(WorkflowStore store, String instance) {
        RunId id = RunId.random();
        store.insertRun(new NewRun(id, "group-commit", 1, instance + "-" + id.value(), null, T0), "node-a",
                T0.plus(LEASE));
        return new Lease(id, "node-a", 1, T0.plus(LEASE));
    }

    private static StepInfo entry(int sequence, String name) {
        return new StepInfo(sequence, name + "#1", name, StepStatus.COMPLETED, 1, null, "1", null, null, T0,
                T0.plusMillis(1));
    }

    private interface Scenario {
        void run(WorkflowStore store, GroupCommit commit, List<String> writes) throws Exception;
    }

    /** The store, recording the name of each journal write the group commit sends it. */
    private static WorkflowStore counting(WorkflowStore store, List<String> writes) {
        return (WorkflowStore) Proxy.newProxyInstance(WorkflowStore.class.getClassLoader(),
                new Class<?>[]{WorkflowStore.class}, (proxy, method, arguments) -> {
                    if (method.getName().startsWith("appendStep") || method.getName().startsWith("finishRun")
                            || method.getName().startsWith("insertRun")) {
                        writes.add(method.getName());
                    }
                    try {
                        return method.invoke(store, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static void withStore(Databases.Target database, Scenario scenario) throws Exception {
        Databases.dropTables(database.url(), database.user(), database.password());
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(database.url(), database.user(), database.password())) {
            List<String> writes = new CopyOnWriteArrayList<>();
            GroupCommit commit = new GroupCommit();
            commit.store = counting(jpa.store(), writes);
            commit.transactions = jpa;
            commit.lanes(1);
            scenario.run(jpa.store(), commit, writes);
        } finally {
            Databases.dropTables(database.url(), database.user(), database.password());
        }
    }
}
