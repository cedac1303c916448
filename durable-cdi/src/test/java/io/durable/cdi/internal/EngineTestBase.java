package io.durable.cdi.internal;

import io.durable.cdi.testing.InMemoryWorkflowStore;
import org.jboss.weld.junit5.WeldInitiator;

/** Builds the Weld container the engine tests run in: the extension, the in-memory store, the test config. */
final class EngineTestBase {

    private EngineTestBase() {
    }

    static WeldInitiator weld() {
        return WeldInitiator.from(WeldInitiator.createWeld()
                        .addExtension(new DurableExtension())
                        .addBeanClasses(InMemoryWorkflowStore.class, TestEngineConfig.class, Probe.class,
                                TestWorkflows.OrderSteps.class, TestWorkflows.OrderWorkflow.class,
                                TestWorkflows.BlockingWorkflow.class,
                                TestWorkflows.RecoveringWorkflow.class, TestWorkflows.FailingWorkflow.class,
                                TestWorkflows.NoInputWorkflow.class))
                .build();
    }
}
