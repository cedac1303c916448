package io.durable.timers;

import io.durable.spi.RecoverySweep;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Drives the engine's sweep from the container's EJB timer service, in addition to the engine's own
 * poll: every ten seconds it claims pending runs and runs whose node died. The timer is not
 * persistent on purpose: the database is the truth, so a lost timer loses nothing.
 */
@Singleton
@Startup
public class EjbTimerSweep {

    private static final Logger LOG = Logger.getLogger(EjbTimerSweep.class.getName());

    @Inject
    Instance<RecoverySweep> sweeps;

    @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "durable-sweep")
    void sweep() {
        try {
            sweeps.forEach(RecoverySweep::sweep);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "The durable sweep failed; the next tick retries", e);
        }
    }
}
