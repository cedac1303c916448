package io.durable.cdi.internal.execution;

import io.durable.cdi.internal.platform.ModuleEnvironment;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;

import java.util.Set;

/**
 * Starts the engine with a web module when the application's start-up event came outside every module:
 * an EAR on Payara Server, GlassFish and Open Liberty, where the engine in {@code lib/} would find neither
 * its datasource nor managed threads there. Open Liberty runs initializers of an EAR's {@code lib/} jars
 * only for an application declared with {@code annotationScanLibrary="earLibraries"} (docs/decisions.md,
 * "Open Liberty"). A web module starts in its own naming environment, which the
 * engine's threads then inherit. In a WAR the start-up event already started the engine, and this does
 * nothing.
 */
public class WebModuleStart implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        if (ModuleEnvironment.present()) {
            CDI.current().select(EngineLifecycle.class).get().startFromWebModule();
        }
    }
}
