package io.durable.cdi.internal.time;

import jakarta.enterprise.inject.spi.Bean;

import java.util.Optional;

/**
 * The persistent {@link io.durable.spi.WakeUpTimers} bean the extension saw while the application
 * deployed, in whichever module it lives. In an EAR the engine sits in {@code lib/} and the timers in
 * an EJB module: a library cannot resolve a module's beans by type (a module sees {@code lib/}, not
 * the other way round), but the extension observes every module's beans, so the engine reaches the
 * timers through the bean it recorded. The extension bean implements this type, as it does
 * {@code definition.Deployment}.
 */
public interface TimerModules {

    /** The timers bean of a module of this application, if one was deployed. */
    Optional<Bean<?>> wakeUpTimers();
}
