package io.durable.cdi.internal.execution;

import io.durable.api.ConflictPolicy;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.spi.EngineClock;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts scheduled workflows. Each tick starts a run with the instance id {@code NAME@TICK} under
 * {@link ConflictPolicy#USE_EXISTING}, so nodes firing the same tick start one run. At start-up the
 * latest tick missed since the workflow's last scheduled run (while every node was down) is started
 * once; earlier missed ticks are not (a schedule catches up, it does not replay).
 */
@ApplicationScoped
public class CronScheduler {

    private static final Logger LOG = Logger.getLogger(CronScheduler.class.getName());
    /** A catch-up looks at most this many ticks ahead of the last run. */
    private static final int CATCH_UP_TICKS = 1_000_000;
    /** A tick timer is armed at most this far ahead; it re-checks then. */
    private static final Duration MAX_TIMER = Duration.ofHours(1);

    @Inject
    Deployment extension;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineThreads threads;

    @Inject
    @EngineClock
    Clock clock;

    private final Map<String, Instant> nextTicks = new ConcurrentHashMap<>();
    private volatile ScheduledFuture<?> timer;

    /** Catches up missed ticks and arms the timer for the next ones. */
    void start() {
        for (WorkflowDefinition definition : extension.workflows().scheduled()) {
            try {
                catchUp(definition);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not catch up the schedule of " + definition.name());
            }
            nextTicks.put(definition.name(), definition.schedule().next(clock.instant()));
        }
        arm();
    }

    /** Starts the latest tick missed since the last scheduled run, if any. */
    public Optional<Instant> catchUp(WorkflowDefinition definition) {
        Instant now = clock.instant();
        Optional<Instant> last = lastTick(definition);
        if (last.isEmpty()) {
            return Optional.empty();
        }
        Instant missed = null;
        Instant tick = definition.schedule().next(last.get());
        for (int i = 0; tick != null && !tick.isAfter(now) && i < CATCH_UP_TICKS; i++) {
            missed = tick;
            tick = definition.schedule().next(tick);
        }
        if (missed != null) {
            Instant due = missed;
            LOG.info(() -> "Workflow " + definition.name() + " missed its tick at " + due + "; starting it once");
            startTick(definition, due);
        }
        return Optional.ofNullable(missed);
    }

    private Optional<Instant> lastTick(WorkflowDefinition definition) {
        String prefix = definition.name() + "@";
        for (RunInfo run : engine.list(new RunQuery(definition.name(), null, 20))) {
            if (run.instanceId().startsWith(prefix)) {
                try {
                    return Optional.of(Instant.parse(run.instanceId().substring(prefix.length())));
                } catch (DateTimeParseException e) {
                    // an instance id that only looks like a tick: not the schedule's
                }
            }
        }
        return Optional.empty();
    }

    /** Starts every workflow whose tick has come (the latest one, if several passed). */
    public void fireDue() {
        Instant now = clock.instant();
        for (WorkflowDefinition definition : extension.workflows().scheduled()) {
            Instant tick = nextTicks.get(definition.name());
            if (tick == null || tick.isAfter(now)) {
                continue;
            }
            Instant latest = tick;
            for (Instant next = definition.schedule().next(tick); next != null && !next.isAfter(now);
                 next = definition.schedule().next(next)) {
                latest = next;
            }
            try {
                startTick(definition, latest);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not start the scheduled run of " + definition.name()
                        + "; the next start-up catches it up");
            }
            nextTicks.put(definition.name(), definition.schedule().next(now));
        }
        arm();
    }

    private void startTick(WorkflowDefinition definition, Instant tick) {
        String instanceId = definition.name() + "@" + tick;
        if (definition.takesInput()) {
            engine.start(definition.beanClass(), instanceId, tick, ConflictPolicy.USE_EXISTING);
        } else {
            engine.start(definition.beanClass(), instanceId, null, ConflictPolicy.USE_EXISTING);
        }
    }

    /** The next tick of a workflow, as this node sees it. */
    public Instant nextTick(String workflowName) {
        return nextTicks.get(workflowName);
    }

    private synchronized void arm() {
        if (nextTicks.isEmpty() || threads.scheduler() == null) {
            return;
        }
        Instant soonest = nextTicks.values().stream().filter(java.util.Objects::nonNull).min(Instant::compareTo)
                .orElse(null);
        if (soonest == null) {
            return;
        }
        Duration delay = Duration.between(clock.instant(), soonest);
        if (delay.compareTo(MAX_TIMER) > 0) {
            delay = MAX_TIMER;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            timer = threads.scheduler().schedule(this::fireQuietly, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.fine("Engine stopping; schedules stop");
        }
    }

    private void fireQuietly() {
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Firing schedules failed; retrying in a minute", e);
        }
    }
}
