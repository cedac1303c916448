package io.durable.cdi.internal;

import io.durable.api.DurableException;
import io.durable.api.NonDeterministicWorkflowException;
import io.durable.api.StepFailedException;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.api.StoreException;
import io.durable.spi.EngineClock;
import io.durable.spi.TransactionRunner;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.interceptor.InvocationContext;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays or executes one step call. A journaled position returns its journaled result (or
 * rethrows its journaled failure) without running the body; the first position past the journal
 * runs for real and is journaled: a plain step in a new transaction after the body returns, a
 * transactional step in the same transaction as its body.
 */
@ApplicationScoped
class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    TransactionRunner transactions;

    @Inject
    JsonCodec codec;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    EngineMetrics metrics;

    Object run(Execution execution, StepDescriptor step, InvocationContext invocation) throws Exception {
        if (execution.abortCause() != null) {
            throw execution.abortCause();
        }
        int sequence = execution.takeSequence();
        String stepKey = execution.takeStepKey(step.name());
        String argumentsHash = codec.argumentsHash(invocation.getParameters());
        StepInfo recorded = execution.journaled(sequence);
        if (recorded != null) {
            return replay(execution, step, sequence, stepKey, argumentsHash, recorded);
        }
        execution.enterStep(stepKey);
        Instant started = clock.instant();
        try {
            return step.transactional()
                    ? runTransactional(execution, step, invocation, sequence, stepKey, argumentsHash, started)
                    : runPlain(execution, step, invocation, sequence, stepKey, argumentsHash, started);
        } finally {
            execution.exitStep();
            metrics.stepFinished(execution.run().workflowName(), Duration.between(started, clock.instant()));
        }
    }

    private Object replay(Execution execution, StepDescriptor step, int sequence, String stepKey,
                          String argumentsHash, StepInfo recorded) {
        String runId = execution.run().id().value();
        if (!recorded.stepKey().equals(stepKey)) {
            NonDeterministicWorkflowException e =
                    new NonDeterministicWorkflowException(runId, sequence, recorded.stepKey(), stepKey);
            execution.abort(e);
            throw e;
        }
        if (!Objects.equals(recorded.argsHash(), argumentsHash)) {
            LOG.warning(() -> "Run " + runId + " replays step '" + stepKey + "' with other arguments than it was "
                    + "journaled with; returning the journaled result. Check that the workflow is deterministic.");
        }
        if (recorded.status() == StepStatus.FAILED) {
            throw new StepFailedException(runId, stepKey, recorded.errorType(), recorded.error(), null);
        }
        return codec.fromJson(recorded.resultJson(), step.returnType(), "the journaled result of step " + stepKey);
    }

    private Object runPlain(Execution execution, StepDescriptor step, InvocationContext invocation, int sequence,
                            String stepKey, String argumentsHash, Instant started) throws Exception {
        Object result;
        try {
            result = invocation.proceed();
        } catch (Exception e) {
            throw journalFailure(execution, step, sequence, stepKey, argumentsHash, started, e);
        }
        StepInfo entry = completed(step, sequence, stepKey, argumentsHash, started, result);
        journal(execution, () -> {
            store.appendStep(execution.lease(), entry);
            return null;
        });
        return result;
    }

    private Object runTransactional(Execution execution, StepDescriptor step, InvocationContext invocation,
                                    int sequence, String stepKey, String argumentsHash, Instant started)
            throws Exception {
        try {
            return transactions.inNewTransaction(() -> {
                Object result;
                try {
                    result = invocation.proceed();
                } catch (Exception e) {
                    throw new BodyFailure(e);
                }
                store.appendStep(execution.lease(), completed(step, sequence, stepKey, argumentsHash, started, result));
                return result;
            });
        } catch (BodyFailure failure) {
            throw journalFailure(execution, step, sequence, stepKey, argumentsHash, started, failure.body);
        } catch (DurableException e) {
            execution.abort(e);
            throw e;
        } catch (RuntimeException e) {
            StoreException storeFailure = new StoreException("journaling step " + stepKey + " of run "
                    + execution.run().id(), e);
            execution.abort(storeFailure);
            throw storeFailure;
        }
    }

    private StepInfo completed(StepDescriptor step, int sequence, String stepKey, String argumentsHash,
                               Instant started, Object result) {
        String json = step.returnsVoid() ? null
                : codec.toJson(result, step.returnType(), "the result of step " + stepKey);
        return new StepInfo(sequence, stepKey, step.name(), StepStatus.COMPLETED, 1, argumentsHash, json,
                null, null, started, clock.instant());
    }

    private StepFailedException journalFailure(Execution execution, StepDescriptor step, int sequence, String stepKey,
                                               String argumentsHash, Instant started, Exception failure) {
        String runId = execution.run().id().value();
        if (failure instanceof DurableException durable && execution.abortCause() != null) {
            throw durable;
        }
        String message = failure.getMessage() == null ? "" : failure.getMessage();
        StepInfo entry = new StepInfo(sequence, stepKey, step.name(), StepStatus.FAILED, 1, argumentsHash, null,
                failure.getClass().getName(), message, started, clock.instant());
        journal(execution, () -> {
            store.appendStep(execution.lease(), entry);
            return null;
        });
        LOG.log(Level.FINE, failure, () -> "Step " + stepKey + " of run " + runId + " failed");
        return new StepFailedException(runId, stepKey, failure.getClass().getName(), message, failure);
    }

    private void journal(Execution execution, java.util.concurrent.Callable<Void> write) {
        try {
            transactions.inNewTransaction(write);
        } catch (DurableException e) {
            execution.abort(e);
            throw e;
        } catch (Exception e) {
            StoreException storeFailure = new StoreException("journaling a step of run " + execution.run().id(), e);
            execution.abort(storeFailure);
            throw storeFailure;
        }
    }

    /** Carries a step body's exception out of the transaction, apart from journaling failures. */
    private static final class BodyFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Exception body;

        BodyFailure(Exception body) {
            super(body.getMessage(), body, false, false);
            this.body = body;
        }
    }
}
