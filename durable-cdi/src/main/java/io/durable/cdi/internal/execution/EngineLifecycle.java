package io.durable.cdi.internal.execution;

import io.durable.cdi.internal.definition.Deployment;
import io.durable.cdi.internal.platform.ModuleEnvironment;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.logging.Logger;

/**
 * Starts the engine once the application is up (and so resumes every run whose node died), and
 * stops it before the application goes away. It starts in a module's naming environment: an EAR's
 * application-wide start-up event has none on Payara Server and GlassFish, so there the engine waits
 * for the EAR's web module ({@link WebModuleStart}).
 */
@ApplicationScoped
class EngineLifecycle {

    private static final Logger LOG = Logger.getLogger(EngineLifecycle.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Inject
    Deployment deployment;

    private volatile boolean deferred;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!ModuleEnvironment.present()) {
            deferred = true;
            LOG.info("The application started outside every module's naming environment (an EAR): the durable"
                    + " engine starts with the EAR's web module, which it needs (see the README)");
            return;
        }
        dispatcher.start();
    }

    /** Starts the engine if the start-up event could not: called from a web module as it starts. */
    void startIfDeferred() {
        if (deferred) {
            deployment.checkDeferredRetryPolicies();
            dispatcher.start();
        }
    }

    @PreDestroy
    void onStop() {
        dispatcher.stop();
    }
}
