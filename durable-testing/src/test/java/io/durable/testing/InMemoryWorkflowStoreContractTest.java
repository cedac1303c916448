package io.durable.testing;

import io.durable.spi.WorkflowStore;
import io.durable.spi.WorkflowStoreContractTest;

class InMemoryWorkflowStoreContractTest extends WorkflowStoreContractTest {

    private final InMemoryWorkflowStore store = new InMemoryWorkflowStore();

    @Override
    protected WorkflowStore store() {
        return store;
    }
}
