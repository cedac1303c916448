package io.durable.jpa;

import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.WorkflowEngine;
import io.durable.jpa.engine.EngineStores;
import io.durable.jpa.engine.TickWorkflow;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A schedule loses no tick while the database cannot take the tick's run: on PostgreSQL the run table
 * is renamed away for 3.5 s (every insert and sweep fails, as with a database that is down), and once
 * it is back every tick of the outage has its run ({@code CatchUp.ALL}). Before, a tick whose start
 * failed was skipped until the next application start.
 */
class ScheduleOutageTest {

    @Test
    void ticks_due_while_the_database_refused_them_are_started_once_it_is_back() throws Exception {
        String url = Databases.postgresUrl();
        Databases.dropTables(url, "postgres", "");
        try (ResourceLocalJpa jpa = ResourceLocalJpa.open(url, "postgres", "");
             WeldContainer container = EngineStores.start(jpa, TickWorkflow.class);
             Connection admin = DriverManager.getConnection(url, "postgres", "");
             Statement sql = admin.createStatement()) {
            WorkflowEngine engine = container.select(WorkflowEngine.class).get();
            awaitTicks(engine, 1, Duration.ofSeconds(10));

            Instant outageStart = jpa.store().databaseTime();
            sql.execute("ALTER TABLE durable_run RENAME TO durable_run_away");
            LockSupport.parkNanos(Duration.ofMillis(3_500).toNanos()); // the outage lasts this long
            sql.execute("ALTER TABLE durable_run_away RENAME TO durable_run");
            Instant outageEnd = jpa.store().databaseTime();

            List<Instant> missed = new ArrayList<>();
            for (long second = outageStart.getEpochSecond() + 1; second < outageEnd.getEpochSecond(); second++) {
                if (second % 2 == 0) {
                    missed.add(Instant.ofEpochSecond(second));
                }
            }
            assertTrue(!missed.isEmpty(), "the outage spanned a tick");
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            Set<Instant> started = ticks(engine);
            while (!started.containsAll(missed) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(Duration.ofMillis(200).toNanos());
                started = ticks(engine);
            }
            assertTrue(started.containsAll(missed), "ticks of the outage " + missed + " missing from " + started);
            System.out.printf("outage of %d ms: %d tick(s) due meanwhile, all started once the database was back%n",
                    Duration.between(outageStart, outageEnd).toMillis(), missed.size());
        } finally {
            Databases.dropTables(url, "postgres", "");
        }
    }

    private static Set<Instant> ticks(WorkflowEngine engine) {
        return engine.list(new RunQuery("every-two-seconds", null, 1000)).stream().map(RunInfo::instanceId)
                .map(id -> Instant.parse(id.substring(id.indexOf('@') + 1))).collect(Collectors.toSet());
    }

    private static void awaitTicks(WorkflowEngine engine, int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (ticks(engine).size() < count) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the schedule started no run within " + within);
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
