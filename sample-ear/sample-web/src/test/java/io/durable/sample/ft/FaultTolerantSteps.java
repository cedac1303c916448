package io.durable.sample.ft;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.sample.order.StepExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Steps that carry MicroProfile Fault Tolerance annotations, counting each execution of their bodies. */
@ApplicationScoped
public class FaultTolerantSteps {

    static final Map<String, AtomicInteger> EXECUTIONS = new ConcurrentHashMap<>();

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @Inject
    DurableContext context;

    private static int executed(String what) {
        return EXECUTIONS.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
    }

    /** Fails its first execution: Fault Tolerance retries it inside the one journaled step. */
    @DurableStep
    @Retry(maxRetries = 3, delay = 0, jitter = 0)
    public String retried(String key) {
        if (executed(key + ":retried") == 1) {
            throw new IllegalStateException("the first attempt fails");
        }
        return "retried-ok";
    }

    /** Writes in the step's transaction; a circuit breaker and a bulkhead compose with it. */
    @DurableStep(transactional = true)
    @CircuitBreaker(requestVolumeThreshold = 4)
    @Bulkhead(2)
    public String write(String key) {
        executed(key + ":write");
        em.persist(new StepExecution(context.runId().value(), context.stepKey(), key));
        return "written";
    }

    /** Always fails: the fallback's value is the step's journaled result. */
    @DurableStep
    @Fallback(fallbackMethod = "fallback")
    public String fellBack(String key) {
        executed(key + ":fellBack");
        throw new IllegalStateException("always fails");
    }

    public String fallback(String key) {
        return "fallback-" + key;
    }

    /**
     * Opens after one failure: the open circuit is a step failure like any other. The delay is given in
     * milliseconds, the default unit: Payara 6.2025.10 ignores {@code delayUnit} and schedules the
     * half-open state {@code delay} milliseconds after opening, so {@code delay = 60, delayUnit = SECONDS}
     * let a call 60 ms later through (seen once in CI).
     */
    @DurableStep
    @CircuitBreaker(requestVolumeThreshold = 1, failureRatio = 1.0, delay = 600_000)
    public String guarded(String key, int call) {
        executed(key + ":guarded");
        throw new IllegalStateException("the service is down (call " + call + ")");
    }

    /** Overruns its timeout: the timeout is the step's journaled failure. */
    @DurableStep
    @Timeout(300)
    public String slow(String key) {
        executed(key + ":slow");
        try {
            TimeUnit.SECONDS.sleep(30); // interrupted by the timeout
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted by the timeout", e);
        }
        return "too late";
    }
}
