package io.durable.cdi.testing;

import io.durable.spi.TrackingStore;
import io.durable.spi.TrackingStoreContractTest;

class InMemoryTrackingStoreContractTest extends TrackingStoreContractTest {

    private final InMemoryTrackingStore store = new InMemoryTrackingStore();

    @Override
    protected TrackingStore store() {
        return store;
    }
}
