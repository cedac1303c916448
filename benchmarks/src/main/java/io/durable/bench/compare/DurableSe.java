package io.durable.bench.compare;

import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.bench.BenchStore;
import io.durable.bench.NoopSteps;
import io.durable.bench.NoopWorkflow;
import io.durable.cdi.internal.DurableExtension;
import io.durable.jpa.se.ResourceLocalJpa;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

import java.time.Duration;

/**
 * This engine in Java SE: Weld SE, the resource-local JPA store (its two pools of 32 connections) and
 * {@code durable.engine.max-concurrent-runs} set to the benchmark's concurrency.
 */
final class DurableSe implements Subject {

    private final PgStats pg;
    private final int concurrency;
    private ResourceLocalJpa jpa;
    private WeldContainer container;
    private WorkflowEngine engine;

    DurableSe(PgStats pg, int concurrency) {
        this.pg = pg;
        this.concurrency = concurrency;
    }

    @Override
    public String engine() {
        return "durable";
    }

    @Override
    public String path() {
        return "se pool=32 slots=" + concurrency;
    }

    @Override
    public String database() {
        return "durable_bench";
    }


    @Override
    public void open() {
        System.setProperty("durable.engine.max-concurrent-runs", Integer.toString(concurrency));
        jpa = ResourceLocalJpa.open(pg.url(database()), pg.user(), "");
        BenchStore.use(jpa);
        container = new Weld().disableDiscovery().addExtension(new DurableExtension())
                .addBeanClasses(BenchStore.class, NoopSteps.class, NoopWorkflow.class).initialize();
        engine = container.select(WorkflowEngine.class).get();
    }

    @Override
    public void run(String id, int steps) {
        RunId run = engine.start(NoopWorkflow.class, id, steps);
        Integer result = engine.awaitResult(run, Integer.class, Duration.ofMinutes(2));
        if (result != steps * (steps - 1) / 2) {
            throw new IllegalStateException("run " + id + " returned " + result);
        }
    }

    @Override
    public void close() {
        if (container != null) {
            container.close();
        }
        if (jpa != null) {
            jpa.close();
        }
    }
}
