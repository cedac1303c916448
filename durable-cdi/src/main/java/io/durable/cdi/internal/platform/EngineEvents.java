package io.durable.cdi.internal.platform;

import io.durable.api.RunEvent;
import io.durable.api.RunFinished;
import io.durable.api.RunInfo;
import io.durable.api.RunStarted;
import io.durable.api.RunStarting;
import io.durable.api.StartVetoedException;
import io.durable.api.StepCompleted;
import io.durable.api.StepInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires the run lifecycle as synchronous CDI events. A start can be vetoed; the notifications come
 * after the engine stored what they report, and an observer's exception is logged, never passed on.
 */
@ApplicationScoped
public class EngineEvents {

    private static final Logger LOG = Logger.getLogger(EngineEvents.class.getName());

    @Inject
    Event<RunEvent> events;

    /** Resolved once, not by a {@code select} per start (in profiles of 1-step runs it cost as much as the input's JSON). */
    @Inject
    Event<RunStarting> startings;

    /** Asks the observers whether the run may start; throws when one vetoed. */
    public void starting(RunStarting starting) {
        startings.fire(starting);
        starting.vetoed().ifPresent(reason -> {
            throw new StartVetoedException(starting.workflowName(), starting.instanceId(), reason);
        });
    }

    public void started(RunInfo run) {
        notify(new RunStarted(run));
    }

    public void stepCompleted(RunInfo run, StepInfo step) {
        if (step != null) {
            notify(new StepCompleted(run.id(), run.workflowName(), step));
        }
    }

    public void finished(RunInfo run) {
        notify(new RunFinished(run));
    }

    private void notify(RunEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "An observer of " + event.getClass().getSimpleName() + " for workflow "
                    + event.workflowName() + " failed; the run is not affected");
        }
    }
}
