package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.NotInWorkflowException;
import io.durable.api.RunId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Answers from the execution bound to the calling thread. */
@ApplicationScoped
class DefaultDurableContext implements DurableContext {

    @Inject
    DurableOps ops;

    @Override
    public RunId runId() {
        return execution("runId").run().id();
    }

    @Override
    public String instanceId() {
        return execution("instanceId").run().instanceId();
    }

    @Override
    public String stepKey() {
        Execution execution = execution("stepKey");
        if (!execution.inStep()) {
            throw new NotInWorkflowException("stepKey");
        }
        return execution.currentStepKey();
    }

    @Override
    public String idempotencyKey() {
        Execution execution = execution("idempotencyKey");
        if (!execution.inStep()) {
            throw new NotInWorkflowException("idempotencyKey");
        }
        return execution.run().id().value() + ":" + execution.currentStepKey();
    }

    @Override
    public boolean isReplaying() {
        return execution("isReplaying").isReplaying();
    }

    @Override
    public void sleep(Duration duration) {
        ops.sleep(execution("sleep"), duration);
    }

    @Override
    public void sleepUntil(Instant wakeAt) {
        ops.sleepUntil(execution("sleepUntil"), wakeAt);
    }

    @Override
    public Instant now() {
        return ops.now(execution("now"));
    }

    @Override
    public UUID randomUUID() {
        return ops.randomUUID(execution("randomUUID"));
    }

    @Override
    public <T> T awaitSignal(String name, Class<T> type) {
        return cast(type, ops.awaitSignal(execution("awaitSignal"), name, type, null).orElse(null));
    }

    @Override
    public <T> Optional<T> awaitSignal(String name, Class<T> type, Duration timeout) {
        if (timeout == null) {
            throw new io.durable.api.WorkflowUsageException("awaitSignal needs a timeout; use awaitSignal(name, type) "
                    + "to wait as long as it takes");
        }
        return ops.awaitSignal(execution("awaitSignal"), name, type, timeout).map(v -> cast(type, v));
    }

    @Override
    public int version(String changeId, int minSupported, int maxSupported) {
        return ops.version(execution("version"), changeId, minSupported, maxSupported);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> type, Object value) {
        return (T) JsonCodec.boxed(type).cast(value);
    }

    private static Execution execution(String what) {
        Execution execution = Execution.current();
        if (execution == null) {
            throw new NotInWorkflowException(what);
        }
        return execution;
    }
}
