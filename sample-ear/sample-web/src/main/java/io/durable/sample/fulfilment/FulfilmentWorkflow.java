package io.durable.sample.fulfilment;

import io.durable.api.Branches;
import io.durable.api.DurableContext;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import jakarta.inject.Inject;

import java.util.Map;

/**
 * Fulfils an order from two warehouses at once: two child packing runs in parallel branches. The
 * parent parks while its children work, and joins their receipts.
 */
@Workflow(name = "fulfilment")
public class FulfilmentWorkflow {

    @Inject
    DurableContext context;

    /**
     * Fulfils.
     *
     * @param orderId the order
     * @return both receipts
     */
    @WorkflowMethod
    public String run(String orderId) {
        Map<String, String> receipts = context.parallel("warehouses", Branches.<String>failFast()
                .add("north", () -> pack(orderId, "north", 4))
                .add("south", () -> pack(orderId, "south", 6)));
        return receipts.get("north") + "; " + receipts.get("south");
    }

    private String pack(String orderId, String warehouse, int seconds) {
        return context.child(PackingWorkflow.class, null, new PackingRequest(orderId, warehouse, seconds), String.class);
    }
}
