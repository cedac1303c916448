package io.durable.bench;

import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.se.ResourceLocalJpa;
import io.durable.spi.Lease;
import io.durable.spi.WorkflowStore;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * Parked runs cost nothing until they are due. Part 1 parks runs through the engine (each sleeps an
 * hour) and prints the JVM's live threads before and after. Part 2 fills PostgreSQL with up to
 * 100,000 parked runs (inserted with JDBC batches, as the engine stores them) and times sweep passes
 * ({@code claimDue}) for 0, 10, 100 and 1,000 due runs among 10,000 and 100,000 parked ones: the
 * cost follows the due runs, not the parked ones. Arguments: parked runs for part 1 (default 2,000).
 */
public final class ParkedRuns {

    private static final String PG = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/durable_test");
    private static final int PASSES = 5;

    private ParkedRuns() {
    }

    public static void main(String[] args) throws Exception {
        int engineParked = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        java.util.logging.LogManager.getLogManager().reset();
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(PG, "postgres", "")) {
            reset();
            threadsOfParkedRuns(jpa, engineParked);
            reset();
            sweepCost(jpa);
        }
    }

    private static void threadsOfParkedRuns(ResourceLocalJpa jpa, int runs) {
        BenchStore.jpa = jpa;
        Weld weld = new Weld().disableDiscovery().addExtension(new DurableExtension())
                .addBeanClasses(BenchStore.class, NappingWorkflow.class);
        try (WeldContainer container = weld.initialize()) {
            WorkflowEngine engine = container.select(WorkflowEngine.class).get();
            int before = ManagementFactory.getThreadMXBean().getThreadCount();
            long start = System.nanoTime();
            for (int i = 0; i < runs; i++) {
                engine.start(NappingWorkflow.class, "nap-" + i, null);
            }
            while (count("SELECT COUNT(*) FROM durable_run WHERE workflow_name = 'bench-napping' AND status = '"
                    + RunStatus.SUSPENDED + "'") < runs) {
                LockSupport.parkNanos(50_000_000);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            int after = ManagementFactory.getThreadMXBean().getThreadCount();
            System.out.printf("Part 1: %d runs parked through the engine in %.1f s; live threads before %d, with all "
                    + "parked %d (the engine's fixed pool, not one per run)%n", runs, seconds, before, after);
        }
    }

    private static void sweepCost(ResourceLocalJpa jpa) throws SQLException {
        WorkflowStore store = jpa.store();
        Instant now = Instant.parse("2030-01-01T00:00:00Z");
        System.out.println("Part 2: sweep pass (claimDue) on PostgreSQL, median of " + PASSES + " passes");
        System.out.printf("%-14s %-10s %-14s %-12s%n", "parked runs", "due runs", "pass time ms", "claimed");
        int inserted = 0;
        for (int parked : new int[]{10_000, 100_000}) {
            inserted += insertParked(parked - inserted, now.plus(Duration.ofDays(30)));
            for (int due : new int[]{0, 10, 100, 1_000}) {
                double[] times = new double[PASSES];
                int claimed = 0;
                for (int pass = 0; pass < PASSES; pass++) {
                    insertParked(due, now.minusSeconds(60));
                    long start = System.nanoTime();
                    List<Lease> leases = store.claimDue("bench-node", now, Duration.ofSeconds(30), due + 10, null);
                    times[pass] = (System.nanoTime() - start) / 1e6;
                    claimed = leases.size();
                    finish(leases);
                }
                java.util.Arrays.sort(times);
                System.out.printf("%-14d %-10d %-14.1f %-12d%n", parked, due, times[PASSES / 2], claimed);
            }
        }
    }

    private static long count(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Connection connect() throws SQLException {
        return DriverManager.getConnection(PG, "postgres", "");
    }

    private static void reset() throws SQLException {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute("DELETE FROM durable_signal");
            s.execute("DELETE FROM durable_step");
            s.execute("DELETE FROM durable_run");
        }
    }

    /** Parked runs as the engine stores them: SUSPENDED, no lease, a wake time, waiting for a sleep. */
    private static int insertParked(int count, Instant wakeAt) throws SQLException {
        try (Connection c = connect(); PreparedStatement insert = c.prepareStatement("INSERT INTO durable_run (id, "
                + "workflow_name, workflow_version, instance_id, instance_key, status, lease_epoch, created_at, updated_at, "
                + "wake_at, waiting_for, paused) VALUES (?, 'bench-parked', 1, ?, ?, 'SUSPENDED', 1, ?, ?, ?, 'sleep', FALSE)")) {
            c.setAutoCommit(false);
            long at = wakeAt.minus(Duration.ofDays(1)).toEpochMilli();
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                insert.setString(1, id);
                insert.setString(2, id);
                insert.setString(3, id);
                insert.setLong(4, at);
                insert.setLong(5, at);
                insert.setLong(6, wakeAt.toEpochMilli());
                insert.addBatch();
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            c.commit();
            try (Statement analyze = c.createStatement()) {
                c.setAutoCommit(true);
                analyze.execute("ANALYZE durable_run");
            }
        }
        return count;
    }

    /** Takes the claimed runs out of the way, as finishing them would. */
    private static void finish(List<Lease> leases) throws SQLException {
        try (Connection c = connect(); PreparedStatement done = c.prepareStatement(
                "UPDATE durable_run SET status = 'COMPLETED', lease_owner = NULL, lease_expires_at = NULL WHERE id = ?")) {
            for (Lease lease : leases) {
                done.setString(1, lease.runId().value());
                done.addBatch();
            }
            done.executeBatch();
        }
    }
}
