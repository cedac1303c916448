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
 * application-wide start-up event has none on Payara Server, GlassFish and WildFly, so there the engine
 * starts with the EAR's web module ({@link WebModuleStart}). The order of the two differs: Payara Server
 * and GlassFish fire the application's event first, WildFly starts the web module first (the engine
 * then starts there, and the application's later event finds it started).
 */
@ApplicationScoped
class EngineLifecycle {

    private static final Logger LOG = Logger.getLogger(EngineLifecycle.class.getName());

    @Inject
    Dispatcher dispatcher;

    @Inject
    Deployment deployment;

    private volatile boolean deferred;
    private volatile boolean startedByModule;

    void onStart(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
        if (!ModuleEnvironment.present()) {
            if (startedByModule) {
                return;
            }
            deferred = true;
            LOG.info("The application started outside every module's naming environment (an EAR): the durable"
                    + " engine starts with the EAR's web module, which it needs (see the README)");
            return;
        }
        dispatcher.start();
    }

    /**
     * Starts the engine if the start-up event could not, or will not be able to: called from a web
     * module as it starts. In a module of an EAR before the application's start-up event (WildFly), the
     * engine starts now, in this module's environment: the event will come outside every module.
     */
    synchronized void startFromWebModule() {
        if (deferred || (!startedByModule && ModuleEnvironment.inEar())) {
            startedByModule = true;
            deployment.checkDeferredRetryPolicies();
            dispatcher.start();
        }
    }

    @PreDestroy
    void onStop() {
        dispatcher.stop();
    }
}
