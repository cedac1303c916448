package io.durable.jpa.engine;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Forty journaled steps, each counting its executions per run and step key. */
@Workflow(name = "many-steps")
public class ManyStepsWorkflow {

    public static final int STEPS = 40;

    @Inject
    Steps steps;

    @WorkflowMethod
    public int run(String input) {
        int total = 0;
        for (int i = 0; i < STEPS; i++) {
            total += steps.work(i);
        }
        return total;
    }

    /** The step. */
    @ApplicationScoped
    public static class Steps {

        public static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

        @Inject
        DurableContext context;

        @DurableStep
        public int work(int i) {
            EXECUTIONS.computeIfAbsent(context.idempotencyKey(), k -> new AtomicInteger()).incrementAndGet();
            try {
                Thread.sleep(60); // a step that does some I/O: a run lasts about as long as the kills
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return i;
        }
    }
}
