package io.durable.cdi.internal.journal;

import io.durable.api.DurableException;
import io.durable.api.Limit;
import io.durable.api.RetryPolicy;
import io.durable.api.StepFailedException;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.StepDescriptor;
import io.durable.cdi.internal.json.JsonCodec;
import io.durable.cdi.internal.platform.EngineEvents;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.cdi.internal.platform.EngineSettings;
import io.durable.cdi.internal.platform.EngineTracing;
import io.durable.cdi.internal.platform.TraceSpan;
import io.durable.cdi.internal.time.InThreadWait;
import io.durable.cdi.internal.time.RetryPolicies;
import io.durable.spi.StoreFailure;
import io.durable.spi.EngineClock;
import io.durable.spi.Park;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Replays or executes one step call. A journaled position returns its journaled result (or
 * rethrows its journaled failure) without running the body; the first position past the journal
 * runs for real and is journaled: a plain step in a new transaction after the body returns, a
 * transactional step in the same transaction as its body.
 *
 * <p>A failed attempt of a step with a retry policy is journaled as RETRYING with the time of the
 * next attempt; a short wait happens on the thread, a longer one parks the run until then. A replay
 * that meets a RETRYING entry makes the next attempt (or parks again when it is not due yet).
 * Before new work the step boundary checks for a pause.
 */
@ApplicationScoped
public class StepRunner {

    private static final Logger LOG = Logger.getLogger(StepRunner.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    JsonCodec codec;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    EngineMetrics metrics;

    @Inject
    EngineTracing tracing;

    @Inject
    EngineSettings settings;

    @Inject
    Deployment extension;

    @Inject
    InThreadWait inThreadWait;

    @Inject
    ExecutionRegistry registry;

    @Inject
    JournalWriter journal;

    @Inject
    EngineEvents events;

    public Object run(Scope scope, StepDescriptor step, StepCall invocation) throws Exception {
        scope.checkCanContinue();
        Execution execution = scope.execution();
        int position = scope.takePosition();
        String stepKey = scope.takeStepKey(step.name());
        String argumentsHash = codec.argumentsHash(invocation.arguments());
        StepInfo recorded = scope.journaled(position, stepKey);
        int attempt = 1;
        if (recorded != null) {
            scope.checkSameCall(position, stepKey, recorded);
            if (recorded.status() == StepStatus.COMPLETED || recorded.status() == StepStatus.FAILED) {
                Object result = replay(execution, step, stepKey, argumentsHash, recorded);
                registerCompensation(execution, step, recorded.sequence(), stepKey, invocation, result);
                return result;
            }
            if (recorded.status() == StepStatus.RETRYING) {
                Instant retryAt = retryTime(recorded);
                if (clock.instant().isBefore(retryAt)) {
                    throw scope.park(new Park(retryAt, "retry:" + stepKey, null));
                }
            }
            // RETRYING: the next attempt; RUNNING: the attempt was cut off (a crash) and counts as made
            scope.newWork(position, stepKey);
            attempt = recorded.attempt() + 1;
        } else {
            scope.checkPause();
        }
        Attempt current = new Attempt(scope, step, invocation, recorded == null ? null : recorded.sequence(), stepKey,
                argumentsHash, attempt);
        while (true) {
            Instant started = clock.instant();
            scope.enterStep(stepKey, () -> current.openEntry(started));
            TraceSpan span = tracing.startStep(execution.span(), execution.run(), stepKey, step.name(), current.number);
            try {
                Object result = step.transactional() ? current.runTransactional(started) : current.runPlain(started);
                registerCompensation(execution, step, current.sequence(), stepKey, invocation, result);
                events.stepCompleted(execution.run(), current.written);
                return result;
            } catch (BodyFailure failure) {
                span.failed(failure.body());
                current.failed(failure.body(), started);
            } finally {
                span.close();
                scope.exitStep();
                metrics.stepFinished(execution.run().workflowName(), Duration.between(started, clock.instant()));
            }
        }
    }

    private static void registerCompensation(Execution execution, StepDescriptor step, int sequence, String stepKey,
                                             StepCall invocation, Object result) {
        if (step.compensation() != null) {
            execution.register(new Compensation(sequence, stepKey, step, invocation.target(), result));
        }
    }

    private Object replay(Execution execution, StepDescriptor step, String stepKey, String argumentsHash,
                          StepInfo recorded) {
        String runId = execution.run().id().value();
        if (!Objects.equals(recorded.argsHash(), argumentsHash)) {
            LOG.warning(() -> "Run " + runId + " replays step '" + stepKey + "' with other arguments than it was "
                    + "journaled with; returning the journaled result. Check that the workflow is deterministic.");
        }
        if (recorded.status() == StepStatus.FAILED) {
            throw new StepFailedException(runId, stepKey, recorded.errorType(), recorded.error(), null);
        }
        return codec.fromJson(recorded.resultJson(), step.returnType(), "the journaled result of step " + stepKey);
    }

    private Instant retryTime(StepInfo retrying) {
        return (Instant) codec.fromJson(retrying.resultJson(), Instant.class, "the retry time of step " + retrying.stepKey());
    }

    /** One step call's attempts: runs the body, journals each outcome, decides on retries. */
    private final class Attempt {
        private final Scope scope;
        private final Execution execution;
        private final StepDescriptor step;
        private final StepCall invocation;
        private final String stepKey;
        private final String argumentsHash;
        private Integer sequence;
        private int number;
        private boolean entryExists;
        private StepInfo written;

        Attempt(Scope scope, StepDescriptor step, StepCall invocation, Integer sequence, String stepKey,
                String argumentsHash, int number) {
            this.scope = scope;
            this.execution = scope.execution();
            this.step = step;
            this.invocation = invocation;
            this.sequence = sequence;
            this.stepKey = stepKey;
            this.argumentsHash = argumentsHash;
            this.number = number;
            this.entryExists = sequence != null;
        }

        /** The entry's journal sequence: the existing entry's, or a new one taken at the first write. */
        int sequence() {
            if (sequence == null) {
                sequence = execution.newSequence();
            }
            return sequence;
        }

        /**
         * Runs the body. An interrupt aimed at the body (MicroProfile Fault Tolerance's @Timeout leaves
         * the thread's flag set) is cleared before the journal write: a JDBC driver, and embedded H2's
         * file channel, would close on it. Only an interrupt of the engine's shutdown is kept.
         */
        private Object body() throws Exception {
            try {
                return invocation.proceed();
            } finally {
                if (Thread.interrupted() && registry.stopping()) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        Object runPlain(Instant started) throws Exception {
            Object result;
            try {
                result = body();
            } catch (Exception e) {
                throw new BodyFailure(e);
            }
            StepInfo entry = completed(started, result);
            if (entryExists) {
                journal(() -> {
                    write(entry);
                    return null;
                });
            } else {
                written = entry;
                journal.append(execution, "step " + stepKey, entry);
            }
            return result;
        }

        Object runTransactional(Instant started) {
            boolean existed = entryExists;
            try {
                return journal.write(execution, "step " + stepKey, () -> {
                    entryExists = existed; // a transaction tried again starts where the rolled back one did
                    Object result;
                    try {
                        result = body();
                    } catch (Exception e) {
                        if (StoreFailure.isTransientDatabaseFailure(e)) {
                            // the body's transaction is the journal's: a connection lost under the body rolled back
                            // both, so the transaction is tried again like a failed journal write, not failed
                            throw e;
                        }
                        throw new BodyFailure(e);
                    }
                    write(completed(started, result));
                    return result;
                }, BodyFailure.class);
            } catch (RuntimeException e) {
                entryExists = existed; // an entry opened inside the rolled back transaction is gone with it
                throw e;
            }
        }

        /**
         * Writes the step's entry as RUNNING before its body returns (once), so tracking has its row
         * for progress: inside the step's own transaction for a transactional step (a new one would
         * wait for the run row that transaction holds), in one of its own otherwise.
         */
        void openEntry(Instant started) {
            if (entryExists) {
                return;
            }
            StepInfo entry = new StepInfo(sequence(), stepKey, step.name(), StepStatus.RUNNING, number, argumentsHash,
                    null, null, null, started, null);
            if (step.transactional()) {
                store.appendStep(execution.lease(), entry);
            } else {
                journal(() -> {
                    store.appendStep(execution.lease(), entry);
                    return null;
                });
            }
            entryExists = true;
        }

        private void write(StepInfo entry) {
            written = entry;
            if (entryExists) {
                store.replaceStep(execution.lease(), entry);
            } else {
                store.appendStep(execution.lease(), entry);
            }
        }

        private StepInfo completed(Instant started, Object result) {
            String json = step.returnsVoid() ? null : RunLimits.check(execution, Limit.STEP_RESULT,
                    codec.toJournal(result, step.returnType(), "the result of step " + stepKey));
            return new StepInfo(sequence(), stepKey, step.name(), StepStatus.COMPLETED, number, argumentsHash, json,
                    null, null, started, clock.instant());
        }

        /**
         * Handles a failed attempt: journals it, then waits and returns (to try again), parks, or throws
         * the step's failure.
         */
        void failed(Exception failure, Instant started) {
            String runId = execution.run().id().value();
            if (failure instanceof DurableException durable && execution.abortCause() != null) {
                throw durable;
            }
            String message = Limit.ERROR.fit(failure.getMessage() == null ? "" : failure.getMessage());
            String errorType = Limit.ERROR_TYPE.fit(failure.getClass().getName());
            RetryPolicy policy = extension.retryPolicies().policy(step.retry());
            if (step.retryable(failure) && policy.allowsRetryAfter(number)) {
                Duration wait = RetryPolicies.waitAfter(policy, number, failure);
                Instant retryAt = clock.instant().plus(wait);
                StepInfo entry = new StepInfo(sequence(), stepKey, step.name(), StepStatus.RETRYING, number, argumentsHash,
                        codec.toJson(retryAt, Instant.class, "a retry time"), errorType, message,
                        started, clock.instant());
                journal(() -> {
                    write(entry);
                    return null;
                });
                entryExists = true;
                metrics.stepRetried(execution.run().workflowName());
                LOG.log(Level.FINE, failure, () -> "Step " + stepKey + " of run " + runId + " failed attempt " + number
                        + "; retrying at " + retryAt);
                if (wait.compareTo(settings.inThreadRetryMax()) > 0) {
                    throw scope.park(new Park(retryAt, "retry:" + stepKey, null));
                }
                try {
                    inThreadWait.await(execution, wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw scope.park(new Park(retryAt, "retry:" + stepKey, null));
                }
                // a cancel or pause made while this thread waited, here or on another node, wins over the next attempt
                registry.renewNow(execution);
                scope.checkCanContinue();
                if (execution.pauseRequested()) {
                    throw scope.park(new Park(null, "pause", null));
                }
                number++;
                return;
            }
            StepInfo entry = new StepInfo(sequence(), stepKey, step.name(), StepStatus.FAILED, number, argumentsHash, null,
                    errorType, message, started, clock.instant());
            journal(() -> {
                write(entry);
                return null;
            });
            LOG.log(Level.FINE, failure, () -> "Step " + stepKey + " of run " + runId + " failed");
            throw new StepFailedException(runId, stepKey, failure.getClass().getName(), message, failure);
        }

        private void journal(Callable<Void> work) {
            journal.write(execution, "step " + stepKey, work);
        }
    }
}
