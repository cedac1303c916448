package io.durable.cdi.internal;

import io.durable.api.AwaitTimeoutException;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunNotFoundException;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowFailedException;
import io.durable.spi.EngineClock;
import io.durable.spi.NewRun;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link WorkflowEngine} applications inject. */
@ApplicationScoped
class DefaultWorkflowEngine implements WorkflowEngine {

    /** How often a waiting caller re-reads the store, for runs another node executes. */
    private static final long RECHECK_MILLIS = 500;

    @Inject
    DurableExtension extension;

    @Inject
    WorkflowStore store;

    @Inject
    JsonCodec codec;

    @Inject
    Dispatcher dispatcher;

    @Inject
    RunWaiters waiters;

    @Inject
    EngineMetrics metrics;

    @Inject
    @EngineClock
    Clock clock;

    @Override
    public RunId start(Class<?> workflow, String instanceId, Object input) {
        Objects.requireNonNull(workflow, "workflow");
        WorkflowDefinition definition = extension.workflows().byClass(workflow);
        checkInputType(definition, input);
        String json = definition.takesInput()
                ? codec.toJson(input, definition.inputType(), "the input of workflow " + definition.name())
                : null;
        return store(definition, instanceId, json);
    }

    @Override
    public RunId startJson(String workflowName, String instanceId, String inputJson) {
        WorkflowDefinition definition = extension.workflows().byName(workflowName);
        String json = null;
        if (definition.takesInput()) {
            Object input = codec.fromJson(inputJson, definition.inputType(), "the input of workflow " + definition.name());
            json = codec.toJson(input, definition.inputType(), "the input of workflow " + definition.name());
        } else if (inputJson != null && !inputJson.isBlank() && !"null".equals(inputJson.trim())) {
            throw new PayloadException("Workflow " + definition.name() + " takes no input, but input was given", null);
        }
        return store(definition, instanceId, json);
    }

    private RunId store(WorkflowDefinition definition, String instanceId, String inputJson) {
        if (instanceId == null || instanceId.isBlank() || instanceId.length() > NewRun.MAX_INSTANCE_ID) {
            throw new PayloadException("An instance id must be 1 to " + NewRun.MAX_INSTANCE_ID
                    + " characters; got " + (instanceId == null ? "none" : instanceId.length() + " characters"), null);
        }
        // the store refuses a known instance id with DuplicateInstanceException, naming the existing run
        RunId runId = RunId.random();
        store.createRun(new NewRun(runId, definition.name(), definition.version(), instanceId, inputJson, clock.instant()));
        metrics.runStarted(definition.name());
        dispatcher.offer(runId);
        return runId;
    }

    private static void checkInputType(WorkflowDefinition definition, Object input) {
        if (!definition.takesInput()) {
            if (input != null) {
                throw new PayloadException("Workflow " + definition.name() + " takes no input, but got a "
                        + input.getClass().getName(), null);
            }
            return;
        }
        if (input == null) {
            return;
        }
        Class<?> expected = boxed(rawType(definition.inputType()));
        if (!expected.isInstance(input)) {
            throw new PayloadException("Workflow " + definition.name() + " takes " + definition.inputType().getTypeName()
                    + ", but got a " + input.getClass().getName(), null);
        }
    }

    private static Class<?> rawType(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return (Class<?>) p.getRawType();
        }
        return Object.class;
    }

    private static Class<?> boxed(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return java.lang.invoke.MethodType.methodType(type).wrap().returnType();
    }

    @Override
    public RunInfo status(RunId runId) {
        return store.findRun(runId).orElseThrow(() -> new RunNotFoundException(runId.value())).info();
    }

    @Override
    public Optional<RunInfo> find(String workflowName, String instanceId) {
        return store.findRun(workflowName, instanceId);
    }

    @Override
    public List<StepInfo> steps(RunId runId) {
        status(runId);
        return store.loadJournal(runId);
    }

    @Override
    public List<RunInfo> list(RunQuery query) {
        return store.listRuns(query);
    }

    @Override
    public RunInfo await(RunId runId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        RunInfo run = status(runId);
        while (!run.status().isTerminal()) {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new AwaitTimeoutException(runId.value(), timeout, run.status());
            }
            try {
                waiters.awaitLocalFinish(runId, Math.min(left, RECHECK_MILLIS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AwaitTimeoutException(runId.value(), timeout, run.status());
            }
            run = status(runId);
        }
        return run;
    }

    @Override
    public <R> R awaitResult(RunId runId, Class<R> resultType, Duration timeout) {
        RunInfo run = await(runId, timeout);
        if (run.status() != RunStatus.COMPLETED) {
            throw new WorkflowFailedException(runId.value(), run.status(), run.error());
        }
        @SuppressWarnings("unchecked")
        Class<R> boxedType = (Class<R>) boxed(resultType);
        return boxedType.cast(codec.fromJson(run.outputJson(), boxedType, "the output of run " + runId));
    }
}
