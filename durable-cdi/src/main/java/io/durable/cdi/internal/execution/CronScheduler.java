package io.durable.cdi.internal.execution;

import io.durable.api.CatchUp;
import io.durable.api.ConflictPolicy;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.WorkflowEngine;
import io.durable.api.WorkflowSchedule;
import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.definition.WorkflowDefinition;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.spi.EngineClock;
import io.durable.spi.WorkflowStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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
 * {@link ConflictPolicy#USE_EXISTING}, so nodes firing the same tick start one run. A tick whose run
 * could not be stored (the database down, a dropped connection) is not skipped: this node tries it
 * again every second until the database takes it. Ticks missed while every node was down are caught
 * up at start-up as the schedule's {@link CatchUp} policy says: the latest once (the default), all of
 * them in order, or none.
 */
@ApplicationScoped
public class CronScheduler {

    private static final Logger LOG = Logger.getLogger(CronScheduler.class.getName());
    /** A catch-up looks at most this many ticks ahead of the last run. */
    private static final int CATCH_UP_TICKS = 1_000_000;
    /** ALL starts at most this many missed ticks at once. */
    private static final int MAX_STARTED = 1_000;
    /** A tick timer is armed at most this far ahead; it re-checks then. */
    private static final Duration MAX_TIMER = Duration.ofHours(1);
    /** How soon a tick whose run could not be stored is tried again. */
    private static final Duration RETRY = Duration.ofSeconds(1);

    @Inject
    Deployment extension;

    @Inject
    WorkflowEngine engine;

    @Inject
    EngineThreads threads;

    @Inject
    WorkflowStore store;

    @Inject
    @EngineClock
    Clock clock;

    private final Map<String, Instant> nextTicks = new ConcurrentHashMap<>();
    /** Schedules whose start-up catch-up failed (the database was down): fireDue tries it again. */
    private final java.util.Set<String> catchUpPending = ConcurrentHashMap.newKeySet();
    private volatile ScheduledFuture<?> timer;
    private volatile boolean retrying;

    /** Catches up missed ticks and arms the timer for the next ones. */
    void start() {
        for (WorkflowDefinition definition : extension.workflows().scheduled()) {
            Instant next = definition.schedule().next(clock.instant());
            try {
                catchUp(definition);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Could not catch up the schedule of " + definition.name()
                        + "; trying again in " + RETRY.toSeconds() + " s");
                catchUpPending.add(definition.name());
                retrying = true;
            }
            nextTicks.put(definition.name(), next);
        }
        arm();
    }

    /**
     * Starts the ticks missed since the last scheduled run, as the schedule's catch-up policy says.
     *
     * @return the latest missed tick, if any
     */
    public Optional<Instant> catchUp(WorkflowDefinition definition) {
        Optional<Instant> last = lastTick(definition);
        if (last.isEmpty() || policy(definition) == CatchUp.NONE) {
            return Optional.empty();
        }
        List<Instant> missed = ticks(definition, definition.schedule().next(last.get()), clock.instant());
        if (missed.isEmpty()) {
            return Optional.empty();
        }
        LOG.info(() -> "Workflow " + definition.name() + " missed " + missed.size() + " tick(s) up to "
                + missed.get(missed.size() - 1) + "; catching up (" + policy(definition) + ")");
        for (Instant tick : toStart(definition, missed)) {
            startTick(definition, tick);
        }
        return Optional.of(missed.get(missed.size() - 1));
    }

    private static CatchUp policy(WorkflowDefinition definition) {
        WorkflowSchedule schedule = definition.beanClass().getAnnotation(WorkflowSchedule.class);
        return schedule == null ? CatchUp.LATEST : schedule.catchUp();
    }

    /** The ticks from {@code first} (included) up to {@code now}. */
    private static List<Instant> ticks(WorkflowDefinition definition, Instant first, Instant now) {
        List<Instant> ticks = new ArrayList<>();
        Instant tick = first;
        for (int i = 0; tick != null && !tick.isAfter(now) && i < CATCH_UP_TICKS; i++) {
            ticks.add(tick);
            if (ticks.size() > MAX_STARTED) {
                ticks.remove(0);
            }
            tick = definition.schedule().next(tick);
        }
        return ticks;
    }

    /** The due ticks to start: all of them (ALL), or the latest. */
    private static List<Instant> toStart(WorkflowDefinition definition, List<Instant> due) {
        return policy(definition) == CatchUp.ALL ? due : List.of(due.get(due.size() - 1));
    }

    private Optional<Instant> lastTick(WorkflowDefinition definition) {
        String prefix = definition.name() + "@";
        // the schedule acts as the system: its runs are read whoever's they are, not through the scoped engine
        for (RunInfo run : store.listRuns(new RunQuery(definition.name(), null, 20))) {
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

    /**
     * Starts every workflow whose tick has come: the latest one, or with {@link CatchUp#ALL} each one
     * that passed. A tick whose run could not be stored stays due, and is tried again a second later.
     */
    public void fireDue() {
        Instant now = clock.instant();
        boolean failed = false;
        for (WorkflowDefinition definition : extension.workflows().scheduled()) {
            if (catchUpPending.contains(definition.name())) {
                try {
                    catchUp(definition);
                    catchUpPending.remove(definition.name());
                } catch (RuntimeException e) {
                    LOG.log(Level.FINE, e, () -> "The catch-up of " + definition.name() + " failed again");
                    failed = true;
                    continue;
                }
            }
            Instant tick = nextTicks.get(definition.name());
            if (tick == null || tick.isAfter(now)) {
                continue;
            }
            Instant next = definition.schedule().next(now);
            for (Instant due : toStart(definition, ticks(definition, tick, now))) {
                try {
                    startTick(definition, due);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, e, () -> "Could not start the scheduled run of " + definition.name()
                            + " for " + due + "; trying again in " + RETRY.toSeconds() + " s");
                    next = due;
                    failed = true;
                    break;
                }
            }
            nextTicks.put(definition.name(), next);
        }
        retrying = failed;
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
        if (retrying && delay.compareTo(RETRY) < 0) {
            delay = RETRY; // a failed tick is due at once: try again a second later, not in a busy loop
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
