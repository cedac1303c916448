package io.durable.cdi.internal;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.cdi.internal.DurableExtension;
import io.durable.cdi.internal.execution.Dispatcher;
import io.durable.testing.InMemoryTrackingStore;
import io.durable.testing.InMemoryWorkflowStore;
import io.durable.spi.WorkflowStore;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;

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

    /** Waits until the run reaches a status (runs execute on the engine's threads). */
    RunInfo awaitStatus(RunId id, RunStatus status) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        RunInfo run = engine.status(id);
        while (run.status() != status || dispatcher.executingCount() > 0 && status == RunStatus.SUSPENDED) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("run " + id + " stayed " + run.status() + ", expected " + status);
            }
            LockSupport.parkNanos(1_000_000);
            run = engine.status(id);
        }
        return run;
    }

    /** Waits until no run executes on this node. */
    void awaitIdle() {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (dispatcher.executingCount() > 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the execution did not stop");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }

    /** Moves the manual clock and sweeps, as the periodic sweep would. */
    void advanceAndSweep(Duration duration) {
        config.manualClock().advance(duration);
        dispatcher.poll();
    }

    static WeldInitiator weld() {
        return WeldInitiator.from(WeldInitiator.createWeld()
                        .addExtension(new DurableExtension())
                        .addBeanClasses(InMemoryWorkflowStore.class, TestEngineConfig.class, Probe.class,
                                TestWorkflows.OrderSteps.class, TestWorkflows.OrderWorkflow.class,
                                TestWorkflows.BlockingWorkflow.class, TestWorkflows.RecoveringWorkflow.class,
                                TestWorkflows.FailingWorkflow.class, TestWorkflows.NoInputWorkflow.class,
                                TestEngineConfig.ManualWait.class, TimeWorkflows.TimeSteps.class,
                                TimeWorkflows.SleeperWorkflow.class, TimeWorkflows.ApprovalWorkflow.class,
                                TimeWorkflows.RetryingWorkflow.class, TimeWorkflows.VersionedWorkflow.class,
                                TimeWorkflows.RandomWorkflow.class, TimeWorkflows.ReportWorkflow.class, TimeWorkflows.SleepyStep.class,
                                TimeWorkflows.MisuseWorkflow.class, CompositionWorkflows.Steps.class,
                                CompositionWorkflows.SagaSteps.class, CompositionWorkflows.QuotesWorkflow.class,
                                CompositionWorkflows.ForkWorkflow.class, CompositionWorkflows.ChildWorkflow.class,
                                CompositionWorkflows.ParentWorkflow.class, CompositionWorkflows.CheckoutWorkflow.class,
                                CompositionWorkflows.ExpenseApprovalWorkflow.class, CompositionWorkflows.LoopWorkflow.class,
                                CompositionWorkflows.ForeverWorkflow.class, CompositionWorkflows.Lifecycle.class,
                                InMemoryTrackingStore.class, SyncWorkflows.FakeApi.class, SyncWorkflows.ContactTable.class,
                                SyncWorkflows.ContactSyncWorkflow.class, SyncWorkflows.OffsetSyncWorkflow.class,
                                SyncWorkflows.BatchSyncWorkflow.class, SyncWorkflows.TestOwner.class,
                                SyncWorkflows.SyncEvents.class, ValueWorkflows.ShapeSteps.class, ValueWorkflows.Passes.class,
                                ValueWorkflows.ValuesWorkflow.class, ValueWorkflows.CarelessWorkflow.class,
                                LimitWorkflows.CountingSteps.class,
                                LimitWorkflows.NestedWorkflow.class, LimitWorkflows.DeepWorkflow.class,
                                LimitWorkflows.HugeResultWorkflow.class,
                                SyncWorkflows.ReportingSteps.class, SyncWorkflows.ReportingWorkflow.class,
                                BlockedWorkflows.ChangeSteps.class, BlockedWorkflows.ChangingWorkflow.class,
                                TestSecurity.class, AccessWorkflows.PeekWorkflow.class))
                .build();
    }
}
