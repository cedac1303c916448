package io.durable.cdi.internal.execution;

import java.util.List;

/**
 * The beans this package contributes (the engine, the dispatcher, the executor, the lifecycle, the cron scheduler, the run trees and the cancel cascade), for the extension to register: the classes stay
 * package-private where nothing outside the package needs them.
 */
public final class ExecutionBeans {

    /** The bean classes, registered whatever the application's discovery mode. */
    public static final List<Class<?>> TYPES = List.of(
            DefaultWorkflowEngine.class,
            Dispatcher.class,
            RunExecutor.class,
            RunWaiters.class,
            EngineLifecycle.class,
            CronScheduler.class,
            RunTrees.class,
            CancelCascade.class);

    private ExecutionBeans() {
    }
}
