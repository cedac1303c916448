package io.durable.cdi.internal.composition;

import io.durable.api.DurableException;
import io.durable.api.StepInfo;
import io.durable.api.StepStatus;
import io.durable.cdi.internal.journal.BodyFailure;
import io.durable.cdi.internal.journal.Compensation;
import io.durable.cdi.internal.journal.Execution;
import io.durable.cdi.internal.journal.JournalWriter;
import io.durable.cdi.internal.journal.Scope;
import io.durable.cdi.internal.platform.EngineMetrics;
import io.durable.spi.EngineClock;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Saga compensation of a failed run: moves it to COMPENSATING, then runs the compensations of its
 * completed steps newest first, each journaled in the {@code @saga} scope as {@code undo:STEP#n}.
 * The journal is the persisted cursor: after a crash the run replays to its failure, meets the
 * journaled compensations and runs only the rest. A compensation that throws is journaled FAILED and
 * the others still run. A transactional step's compensation shares one transaction with its journal
 * entry, so its database effects happen once; any other compensation may run again only if the node
 * dies between its end and its journal write (it gets the idempotency key {@code runId:@saga/undo:STEP#n}).
 */
@ApplicationScoped
public class Saga {

    private static final Logger LOG = Logger.getLogger(Saga.class.getName());

    @Inject
    WorkflowStore store;

    @Inject
    JournalWriter journal;

    @Inject
    EngineMetrics metrics;

    @Inject
    @EngineClock
    Clock clock;

    /**
     * Runs the registered compensations, if any.
     *
     * @param execution the failed execution
     * @param error     the run's failure
     * @return the error to store: the failure, and what each compensation did
     * @throws DurableException when the execution cannot go on (lease lost, store down): it is abandoned
     */
    public String compensate(Execution execution, String error) {
        List<Compensation> compensations = execution.compensationsNewestFirst();
        if (compensations.isEmpty()) {
            return error;
        }
        if (!execution.compensating()) {
            journal.write(execution, "the start of compensating", () -> {
                store.startCompensating(execution.lease(), clock.instant());
                return null;
            });
            execution.startCompensating();
        }
        Scope saga = new Scope(execution, Scope.SAGA, execution.entries(Scope.SAGA));
        Scope previous = saga.bind();
        List<String> done = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try {
            for (Compensation compensation : compensations) {
                saga.checkCanContinue();
                int position = saga.takePosition();
                String key = saga.takeStepKey("undo:" + compensation.step().name());
                StepInfo recorded = saga.journaled(position, key);
                StepInfo entry;
                if (recorded != null) {
                    saga.checkSameCall(position, key, recorded);
                    entry = recorded;
                } else {
                    entry = run(saga, compensation, key);
                }
                if (entry.status() == StepStatus.FAILED) {
                    failed.add(key + " (" + entry.errorType() + ": " + entry.error() + ")");
                } else {
                    done.add(key);
                }
            }
        } finally {
            Scope.restore(previous);
        }
        metrics.runCompensated(execution.run().workflowName());
        return error + " | compensated: " + (done.isEmpty() ? "none" : String.join(", ", done))
                + (failed.isEmpty() ? "" : " | compensations failed: " + String.join(", ", failed));
    }

    private StepInfo run(Scope saga, Compensation compensation, String key) {
        Execution execution = saga.execution();
        Instant started = clock.instant();
        saga.enterStep(key);
        try {
            if (compensation.step().transactional()) {
                try {
                    return journal.write(execution, "compensation " + key, () -> {
                        try {
                            invoke(compensation);
                        } catch (Exception e) {
                            throw new BodyFailure(e);
                        }
                        StepInfo entry = entry(execution, key, compensation, StepStatus.COMPLETED, null, started);
                        store.appendStep(execution.lease(), entry);
                        return entry;
                    }, BodyFailure.class);
                } catch (BodyFailure failure) {
                    return journalFailure(execution, key, compensation, failure.body(), started);
                }
            }
            try {
                invoke(compensation);
            } catch (Exception e) {
                return journalFailure(execution, key, compensation, e, started);
            }
            StepInfo entry = entry(execution, key, compensation, StepStatus.COMPLETED, null, started);
            journal.write(execution, "compensation " + key, () -> {
                store.appendStep(execution.lease(), entry);
                return null;
            });
            return entry;
        } finally {
            saga.exitStep();
        }
    }

    private StepInfo journalFailure(Execution execution, String key, Compensation compensation, Exception failure,
                                    Instant started) {
        LOG.log(Level.WARNING, failure, () -> "Compensation " + key + " of run " + execution.run().id() + " failed");
        StepInfo entry = entry(execution, key, compensation, StepStatus.FAILED, failure, started);
        journal.write(execution, "compensation " + key, () -> {
            store.appendStep(execution.lease(), entry);
            return null;
        });
        return entry;
    }

    private StepInfo entry(Execution execution, String key, Compensation compensation, StepStatus status,
                           Exception failure, Instant started) {
        return new StepInfo(execution.newSequence(), key, "undo:" + compensation.step().name(), status, 1, null, null,
                failure == null ? null : failure.getClass().getName(),
                failure == null ? null : String.valueOf(failure.getMessage()), started, clock.instant());
    }

    private static void invoke(Compensation compensation) throws Exception {
        Method method = compensation.step().compensation();
        try {
            if (method.getParameterCount() == 0) {
                method.invoke(compensation.target());
            } else {
                method.invoke(compensation.target(), compensation.result());
            }
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof Exception cause) {
                throw cause;
            }
            throw e;
        }
    }
}
