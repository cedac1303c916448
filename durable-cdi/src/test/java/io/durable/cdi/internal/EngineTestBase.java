package io.durable.cdi.internal;

import io.durable.api.WorkflowEngine;
import io.durable.cdi.testing.InMemoryWorkflowStore;
import io.durable.spi.WorkflowStore;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;

import java.time.Duration;

/**
 * The Weld container the engine tests run in (the extension, the in-memory store, the test config)
 * and the beans they drive.
 */
@EnableWeld
abstract class EngineTestBase {

    static final Duration WAIT = Duration.ofSeconds(20);

    @WeldSetup
    WeldInitiator weld = weld();

    @Inject
    WorkflowEngine engine;

    @Inject
    WorkflowStore store;

    @Inject
    Probe probe;

    @Inject
    Dispatcher dispatcher;

    @Inject
    TestEngineConfig config;

    static WeldInitiator weld() {
        return WeldInitiator.from(WeldInitiator.createWeld()
                        .addExtension(new DurableExtension())
                        .addBeanClasses(InMemoryWorkflowStore.class, TestEngineConfig.class, Probe.class,
                                TestWorkflows.OrderSteps.class, TestWorkflows.OrderWorkflow.class,
                                TestWorkflows.BlockingWorkflow.class, TestWorkflows.RecoveringWorkflow.class,
                                TestWorkflows.FailingWorkflow.class, TestWorkflows.NoInputWorkflow.class))
                .build();
    }
}
