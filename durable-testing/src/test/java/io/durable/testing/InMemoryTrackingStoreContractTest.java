package io.durable.testing;

import io.durable.spi.TrackingStore;
import io.durable.spi.TrackingStoreContractTest;
import io.durable.spi.WorkflowStore;

class InMemoryTrackingStoreContractTest extends TrackingStoreContractTest {

    private final InMemoryWorkflowStore workflows = new InMemoryWorkflowStore();
    private final InMemoryTrackingStore store = new InMemoryTrackingStore(workflows);

    @Override
    protected WorkflowStore workflows() {
        return workflows;
    }

    @Override
    protected TrackingStore store() {
        return store;
    }
}
