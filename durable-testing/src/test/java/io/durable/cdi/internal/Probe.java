package io.durable.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Records what step bodies really ran, and lets a test hold a step until it says so. */
@ApplicationScoped
class Probe {

    private final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();
    private final List<String> idempotencyKeys = new CopyOnWriteArrayList<>();
    private volatile CountDownLatch entered = new CountDownLatch(0);
    private volatile CountDownLatch gate = new CountDownLatch(0);

    void idempotencyKey(String key) {
        idempotencyKeys.add(key);
    }

    List<String> idempotencyKeys() {
        return List.copyOf(idempotencyKeys);
    }

    /** Waits until the expected number of step bodies are held at the gate. */
    void awaitHeld() throws InterruptedException {
        if (!entered.await(20, TimeUnit.SECONDS)) {
            throw new IllegalStateException("the steps never reached the gate");
        }
    }

    void openGate() {
        gate.countDown();
    }

    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** The next {@code times} executions of the step fail. */
    void failFirst(String step, int times) {
        failures.put(step, count(step) + times);
    }

    /** Records an execution and tells whether it should fail. */
    boolean ranAndShouldFail(String step) {
        ran(step);
        return count(step) <= failures.getOrDefault(step, 0);
    }

    void ran(String step) {
        executions.computeIfAbsent(step, s -> new AtomicInteger()).incrementAndGet();
    }

    int count(String step) {
        AtomicInteger n = executions.get(step);
        return n == null ? 0 : n.get();
    }

    void holdSteps(int expectedEntries) {
        entered = new CountDownLatch(expectedEntries);
        gate = new CountDownLatch(1);
    }

    void passGate() {
        entered.countDown();
        try {
            if (!gate.await(20, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
