package io.durable.timers;

import io.durable.api.RunId;
import io.durable.spi.RecoverySweep;
import io.durable.spi.WakeUpTimers;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Timeout;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.ejb.Timer;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Wake-ups on EJB persistent timers: one single-action timer per parked run with a wake time, whose
 * info is the run id. When it fires, the engine resumes the run at once if it is due and a slot is
 * free (the sweep takes it otherwise). The database stays the truth: Payara Micro loses persistent
 * timers on {@code kill -9}, so when the engine has started it hands this bean the soonest parked
 * runs from the database ({@link #rearm}), and the engine's sweep wakes whatever a timer missed. This
 * bean never reads the store itself: in an EAR its EJB module may have no persistence context (it has
 * none on GlassFish).
 *
 * <p>Timers are created and cancelled in a transaction of their own ({@code REQUIRES_NEW}): a
 * persistent timer is created within the container's transaction, and Payara Micro refused to create
 * one without a transaction ({@code EJB5117 ... transaction = null in getContainerSynch}). The timeout
 * callback runs without a transaction, so the engine's claims commit on their own before a worker
 * picks the run up.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class EjbWakeUpTimers implements WakeUpTimers {

    private static final Logger LOG = Logger.getLogger(EjbWakeUpTimers.class.getName());

    @Resource
    TimerService timerService;

    @Inject
    Instance<RecoverySweep> engine;

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void rearm(List<RecoverySweep.Wake> upcoming) {
        Set<String> armed = new HashSet<>();
        for (Timer timer : timerService.getTimers()) {
            if (timer.getInfo() instanceof String runId) {
                armed.add(runId);
            }
        }
        int count = 0;
        for (RecoverySweep.Wake wake : upcoming) {
            if (armed.add(wake.runId().value())) {
                create(wake.runId(), wake.wakeAt());
                count++;
            }
        }
        int rearmed = count;
        LOG.info(() -> "Re-armed " + rearmed + " wake-up timers from the database (" + upcoming.size()
                + " parked runs due soonest, " + (upcoming.size() - rearmed) + " had a timer)");
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void arm(RunId runId, Instant wakeAt) {
        create(runId, wakeAt);
    }

    private void create(RunId runId, Instant wakeAt) {
        timerService.createSingleActionTimer(Date.from(wakeAt), new TimerConfig(runId.value(), true));
    }

    @Override
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void disarm(RunId runId) {
        for (Timer timer : timerService.getTimers()) {
            if (runId.value().equals(timer.getInfo())) {
                timer.cancel();
            }
        }
    }

    @Timeout
    void fire(Timer timer) {
        if (timer.getInfo() instanceof String runId) {
            try {
                engine.get().wake(new RunId(runId));
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, e, () -> "Waking run " + runId + " failed; the sweep wakes it");
            }
        }
    }
}
