package io.durable.sample.fulfilment;

import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two child packing runs in parallel branches; the parent joins once both parcels are picked up. The
 * warehouse reads its latency with {@code @ConfigProperty}, so the container gets SmallRye Config's
 * extension (Payara brings its own MicroProfile Config).
 */
@WorkflowTest(beans = {FulfilmentWorkflow.class, PackingWorkflow.class, Warehouse.class},
        extensions = ConfigExtension.class)
class FulfilmentWorkflowTest {

    @Inject
    WorkflowEngine engine;

    @Test
    void the_order_is_fulfilled_when_the_slower_warehouse_has_handed_its_parcel_over(WorkflowTestKit kit) {
        RunId run = engine.start(FulfilmentWorkflow.class, "o-1", "o-1");
        kit.awaitQuiet();
        List<RunInfo> children = engine.list(RunQuery.childrenOf(run));
        assertEquals(2, children.size());

        kit.advance(Duration.ofSeconds(4));
        assertEquals(RunStatus.SUSPENDED, engine.status(run).status(), "the south parcel waits 6 seconds");

        kit.advance(Duration.ofSeconds(2));
        String receipts = kit.awaitResult(run, String.class);
        assertTrue(receipts.matches("LBL-north-.* handed over; LBL-south-.* handed over"), receipts);
    }
}
