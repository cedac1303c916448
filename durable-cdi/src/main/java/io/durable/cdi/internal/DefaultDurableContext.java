package io.durable.cdi.internal;

import io.durable.api.DurableContext;
import io.durable.api.NotInWorkflowException;
import io.durable.api.RunId;
import jakarta.enterprise.context.ApplicationScoped;

/** Answers from the execution bound to the calling thread. */
@ApplicationScoped
class DefaultDurableContext implements DurableContext {

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

    private static Execution execution(String what) {
        Execution execution = Execution.current();
        if (execution == null) {
            throw new NotInWorkflowException(what);
        }
        return execution;
    }
}
