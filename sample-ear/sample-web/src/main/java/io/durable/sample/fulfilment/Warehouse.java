package io.durable.sample.fulfilment;

import io.durable.api.DurableContext;
import io.durable.api.DurableStep;
import io.durable.sample.SampleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The warehouse's (simulated, slow) system. */
@ApplicationScoped
public class Warehouse {

    @Inject
    DurableContext context;

    long latencyMillis = SampleSettings.number("sample.warehouse.latency-ms", 0);

    /**
     * Prints a label; the warehouse system takes a while to answer.
     *
     * @param request the parcel
     * @return the label id
     */
    @DurableStep
    public String label(PackingRequest request) {
        LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(latencyMillis));
        return "LBL-" + request.warehouse() + "-" + context.idempotencyKey().hashCode();
    }

    /**
     * Hands the parcel over to the carrier.
     *
     * @param label the label
     * @return the hand-over receipt
     */
    @DurableStep
    public String handOver(String label) {
        return label + " handed over";
    }
}
