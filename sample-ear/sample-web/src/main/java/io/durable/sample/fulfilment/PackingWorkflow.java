package io.durable.sample.fulfilment;

import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.time.Duration;

/** Packs one parcel: label it, wait for the pick-up, hand it over. Started as a child of a fulfilment. */
@Workflow(name = "packing")
public class PackingWorkflow {

    @Inject
    Warehouse warehouse;

    @Inject
    DurableContext context;

    /**
     * Packs.
     *
     * @param request the parcel
     * @return the hand-over receipt
     */
    @WorkflowMethod
    public String run(PackingRequest request) {
        String label = warehouse.label(request);
        context.sleep(Duration.ofSeconds(request.seconds()));
        return warehouse.handOver(label);
    }
}
