package io.durable.cdi.internal.time;

import io.durable.api.RunId;
import io.durable.cdi.internal.platform.EngineThreads;
import io.durable.spi.EngineClock;
import io.durable.spi.RecoverySweep;
import io.durable.spi.WakeUpTimers;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The one route of a parked run's wake-up: a park arms it here, and here it goes to a persistent
 * timer when a {@link WakeUpTimers} bean exists (durable-ejb-timers), otherwise to an in-memory one
 * ({@link LocalWakeUpTimers}); either kind, when it fires, calls {@link RecoverySweep#wake}, the
 * dispatcher's one entry for a due run. Timers only make wake-ups prompt; the store is the truth
 * and the sweep wakes whatever a timer missed.
 */
@ApplicationScoped
public class WakeUps {

    private static final Logger LOG = Logger.getLogger(WakeUps.class.getName());
    /** A wake-up due within this is due now: the run row is due in the database, no timer is armed. */
    private static final Duration DUE_NOW = Duration.ofSeconds(1);
    /** How often, a second apart, the re-arm is offered to a timer module whose container is still starting. */
    private static final int REARM_ATTEMPTS = 60;
    private static final Duration REARM_RETRY = Duration.ofSeconds(1);

    @Inject
    Instance<WakeUpTimers> persistent;

    @Inject
    TimerModules modules;

    @Inject
    BeanManager beans;

    @Inject
    EngineThreads threads;

    @Inject
    @EngineClock
    Clock clock;

    @Inject
    RecoverySweep engine;

    private LocalWakeUpTimers local;
    private Optional<WakeUpTimers> timers;

    @PostConstruct
    void createLocalTimers() {
        local = new LocalWakeUpTimers(threads::scheduler, clock, engine);
        timers = persistent.isResolvable() ? Optional.of(persistent.get()) : modules.wakeUpTimers().map(this::reference);
    }

    private WakeUpTimers reference(Bean<?> bean) {
        return (WakeUpTimers) beans.getReference(bean, WakeUpTimers.class, beans.createCreationalContext(bean));
    }

    /**
     * Arms the run's wake-up; when it fires, the run is woken through {@link RecoverySweep#wake}. A
     * persistent timer is created on the engine's container-call thread, not the caller's: Payara
     * Micro keeps those timers in its data grid, which can wait a minute for a frozen cluster member.
     * Until it exists the run is due in the database, and the sweep wakes it.
     */
    public void arm(RunId runId, Instant wakeAt) {
        // a wake-up due now (a new slice, a signal that came first) needs no persistent timer: the run row
        // is due in the database already, and Payara's timer store refuses timers that expire at once
        boolean dueNow = !wakeAt.isAfter(clock.instant().plus(DUE_NOW));
        if (timers.isPresent() && !dueNow && offCallerThread(() -> armPersistent(runId, wakeAt))) {
            return;
        }
        local.arm(runId, wakeAt);
    }

    private void armPersistent(RunId runId, Instant wakeAt) {
        try {
            timers.get().arm(runId, wakeAt);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, e, () -> "Could not arm a persistent timer for run " + runId
                    + "; using an in-memory one (the sweep covers a restart)");
            local.arm(runId, wakeAt);
        }
    }

    /** Removes the run's wake-up on this node, if any (a persistent one off the caller's thread). */
    public void disarm(RunId runId) {
        local.disarm(runId);
        if (timers.isPresent() && !offCallerThread(() -> disarmPersistent(runId))) {
            disarmPersistent(runId);
        }
    }

    private void disarmPersistent(RunId runId) {
        try {
            timers.get().disarm(runId);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, e, () -> "Could not remove the timer of run " + runId + "; it fires into nothing");
        }
    }

    /** Hands the call to the container-call thread; false when it cannot take it (not started, full). */
    private boolean offCallerThread(Runnable call) {
        ExecutorService calls = threads.containerCalls();
        if (calls == null) {
            return false;
        }
        try {
            calls.execute(call);
            return true;
        } catch (RejectedExecutionException e) {
            return false;
        }
    }

    /**
     * Re-arms timers at start-up, from the store: in-memory ones (they died with the previous
     * process), or the persistent timer module's for the soonest parked runs (its store may have lost
     * them; the module adds only those it lacks). The store is read here, in the engine's module, where
     * it has its persistence context; the timer module never reads the store itself. The module is
     * called off the start thread and, while its container is still starting (Payara Micro refuses calls
     * to a WAR's beans until the WAR has started: "container is in Initializing"), again each second
     * for at most a minute; the sweep wakes whatever is due meanwhile.
     *
     * @throws RuntimeException what the store threw (the sweep wakes those runs)
     */
    public void rearm() {
        if (timers.isEmpty()) {
            local.rearm();
            return;
        }
        // wake-ups due now need no timer (the sweep takes them), and Payara's timer store refuses them
        Instant soon = clock.instant().plus(DUE_NOW);
        List<RecoverySweep.Wake> upcoming = engine.upcomingWakes(LocalWakeUpTimers.REARM_LIMIT).stream()
                .filter(wake -> wake.wakeAt().isAfter(soon)).toList();
        if (!offCallerThread(() -> rearmPersistent(upcoming, 1))) {
            timers.get().rearm(upcoming);
        }
    }

    private void rearmPersistent(List<RecoverySweep.Wake> upcoming, int attempt) {
        try {
            timers.get().rearm(upcoming);
        } catch (RuntimeException e) {
            if (attempt >= REARM_ATTEMPTS) {
                LOG.log(Level.WARNING, e, () -> "Could not re-arm wake-up timers in " + attempt
                        + " attempts; the sweep wakes those runs");
                return;
            }
            LOG.log(Level.FINE, e, () -> "The timer module refused the re-arm (attempt " + attempt + "); trying again");
            try {
                threads.scheduler().schedule(() -> {
                    if (!offCallerThread(() -> rearmPersistent(upcoming, attempt + 1))) {
                        LOG.fine("Engine stopping: the wake-up timers were not re-armed");
                    }
                }, REARM_RETRY.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                LOG.fine("Engine stopping: the wake-up timers were not re-armed");
            }
        }
    }

    /** Whether wake-ups use persistent timers. */
    public boolean persistentTimers() {
        return timers.isPresent();
    }
}
