package io.durable.sample.sync;

import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.testing.WorkflowTest;
import io.durable.testing.WorkflowTestKit;
import io.smallrye.config.inject.ConfigExtension;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer sync on the in-memory tracking store, with the CRM and the import in memory: every page
 * is imported once, and the CRM's "retry after 30 seconds" parks the run until the test moves the clock.
 */
@WorkflowTest(beans = {CustomerSyncWorkflow.class, FakeCrm.class, InMemoryCustomerImport.class},
        extensions = ConfigExtension.class)
class CustomerSyncWorkflowTest {

    @Inject
    WorkflowEngine engine;

    @Inject
    FakeCrm crm;

    @Inject
    InMemoryCustomerImport importer;

    @Test
    void a_sync_imports_every_page_once_and_waits_out_the_crms_rate_limit(WorkflowTestKit kit) {
        RunId run = engine.start(CustomerSyncWorkflow.class, "sync-1", new SyncRequest("test"));
        kit.awaitQuiet();
        String waiting = engine.status(run).waitingFor();
        assertTrue(waiting.startsWith("retry:"), waiting);
        assertEquals(List.of("c1", "c2"), importer.imported());

        kit.advance(Duration.ofSeconds(30));

        Map<?, ?> counters = kit.awaitResult(run, Map.class);
        assertEquals(List.of("c1", "c2", "c3", "c4", "c5", "c6"), importer.imported());
        assertEquals(3L, ((Number) counters.get("pages")).longValue(), counters.toString());
        assertEquals(6L, ((Number) counters.get("inserted")).longValue(), counters.toString());
        assertEquals(4, crm.requests(), "three pages and the one refused");
    }
}
