package io.durable.cdi.internal.composition;

import io.durable.api.StepOptions;
import io.durable.api.WorkflowUsageException;
import java.lang.reflect.Type;
import java.util.List;
import java.util.concurrent.Callable;

import io.durable.api.Approval;
import io.durable.api.Branches;
import io.durable.api.DurableContext;
import io.durable.api.NotInWorkflowException;
import io.durable.api.RunId;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.StepDefinitionCheck;
import io.durable.cdi.internal.definition.StepDescriptor;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.journal.StepCall;
import io.durable.cdi.internal.journal.StepRunner;
import io.durable.cdi.internal.json.JsonCodec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Answers from the execution bound to the calling thread. */
@ApplicationScoped
class DefaultDurableContext implements DurableContext {

    @Inject
    DurableOps ops;

    @Inject
    ParallelRunner parallel;

    @Inject
    ChildWorkflows children;

    @Inject
    Approvals approvals;

    @Inject
    StepRunner steps;

    @Inject
    Deployment extension;

    @Override
    public RunId runId() {
        return scope("runId").execution().run().id();
    }

    @Override
    public String instanceId() {
        return scope("instanceId").execution().run().instanceId();
    }

    @Override
    public String stepKey() {
        Scope scope = scope("stepKey");
        if (!scope.inStep()) {
            throw new NotInWorkflowException("stepKey");
        }
        return scope.currentStepKey();
    }

    @Override
    public String idempotencyKey() {
        Scope scope = scope("idempotencyKey");
        if (!scope.inStep()) {
            throw new NotInWorkflowException("idempotencyKey");
        }
        return scope.execution().run().id().value() + ":" + scope.currentStepKey();
    }

    @Override
    public boolean isReplaying() {
        return scope("isReplaying").isReplaying();
    }

    @Override
    public void sleep(Duration duration) {
        ops.sleep(scope("sleep"), duration);
    }

    @Override
    public void sleepUntil(Instant wakeAt) {
        ops.sleepUntil(scope("sleepUntil"), wakeAt);
    }

    @Override
    public Instant now() {
        return ops.now(scope("now"));
    }

    @Override
    public UUID randomUUID() {
        return ops.randomUUID(scope("randomUUID"));
    }

    @Override
    public <T> T awaitSignal(String name, Class<T> type) {
        return cast(type, ops.awaitSignal(scope("awaitSignal"), name, type, null).orElse(null));
    }

    @Override
    public <T> Optional<T> awaitSignal(String name, Class<T> type, Duration timeout) {
        if (timeout == null) {
            throw new io.durable.api.WorkflowUsageException("awaitSignal needs a timeout; use awaitSignal(name, type) "
                    + "to wait as long as it takes");
        }
        return ops.awaitSignal(scope("awaitSignal"), name, type, timeout).map(v -> cast(type, v));
    }

    @Override
    public int version(String changeId, int minSupported, int maxSupported) {
        return ops.version(scope("version"), changeId, minSupported, maxSupported);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Class<T> type, Object value) {
        return (T) JsonCodec.boxed(type).cast(value);
    }

    @Override
    public <T> Map<String, T> parallel(String name, Branches<T> branches) {
        return parallel.run(scope("parallel"), name, branches);
    }

    @Override
    public <R> R child(Class<?> workflow, String instanceId, Object input, Class<R> resultType) {
        return cast(resultType, children.child(scope("child"), workflow, instanceId, input, resultType));
    }

    @Override
    public Approval awaitApproval(String key, Duration expiry) {
        return approvals.await(scope("awaitApproval"), key, expiry);
    }

    @Override
    public void continueAsNew(Object input) {
        ops.continueAsNew(scope("continueAsNew"), input);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T step(String name, Type resultType, StepOptions options, Callable<T> body) {
        Scope scope = scope("step");
        if (scope.inStep()) {
            throw new WorkflowUsageException("step('" + name + "') was called inside step " + scope.currentStepKey()
                    + "; call steps from workflow code");
        }
        if (name == null || resultType == null || options == null || body == null) {
            throw new WorkflowUsageException("step needs a name, a result type, options and a body");
        }
        StepDefinitionCheck.nameProblem(name).ifPresent(problem -> {
            throw new WorkflowUsageException(problem);
        });
        try {
            extension.retryPolicies().policy(options.retry());
        } catch (IllegalArgumentException e) {
            throw new WorkflowUsageException("step '" + name + "': " + e.getMessage());
        }
        boolean returnsVoid = resultType == void.class || resultType == Void.class;
        StepDescriptor descriptor = new StepDescriptor(name, options.transactional(), resultType, returnsVoid,
                options.retry(), List.of(), null);
        try {
            return (T) steps.run(scope, descriptor, StepCall.of(body));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("step '" + name + "' ended with " + e, e); // the runner wraps body failures
        }
    }

    @Override
    public void newSlice() {
        ops.newSlice(scope("newSlice"));
    }

    @Override
    public boolean sliceExceeded(Duration budget) {
        return ops.sliceExceeded(scope("sliceExceeded"), budget);
    }

    private static Scope scope(String what) {
        Scope scope = Scope.current();
        if (scope == null) {
            throw new NotInWorkflowException(what);
        }
        return scope;
    }
}
