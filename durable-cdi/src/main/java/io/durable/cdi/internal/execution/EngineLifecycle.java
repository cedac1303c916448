package io.durable.cdi.internal.execution;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * Starts the engine once the application is up (and so resumes every run whose node died), and
 * stops it before the application goes away.
 */
@ApplicationScoped
class EngineLifecycle {

    @Inject
    Dispatcher dispatcher;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        dispatcher.start();
    }

    @PreDestroy
    void onStop() {
        dispatcher.stop();
    }
}
