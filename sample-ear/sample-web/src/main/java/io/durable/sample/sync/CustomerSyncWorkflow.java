package io.durable.sample.sync;

import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.sample.SampleSettings;
import io.durable.sync.CursorPaging;
import io.durable.sync.PaginationResult;
import io.durable.sync.SyncSpec;
import io.durable.sync.Syncs;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.Map;

/**
 * Imports the CRM's customers: one sync of resource {@code crm:customers} (a second one is refused
 * while it runs), cursor pagination with the {@code crm} retry policy (see
 * microprofile-config.properties), each page upserted with content hashes in its own transaction,
 * new slices every {@code sample.sync.slice-budget}.
 */
@Workflow(name = "customer-sync")
public class CustomerSyncWorkflow {

    /** The synced resource. */
    public static final String RESOURCE = "crm:customers";

    @Inject
    Syncs syncs;

    @Inject
    CrmClient crm;

    @Inject
    CustomerImport importer;

    Duration sliceBudget = Duration.parse(SampleSettings.get("sample.sync.slice-budget", "PT20S"));

    @WorkflowMethod
    public Map<String, Long> sync(SyncRequest request) {
        SyncSpec spec = SyncSpec.of("sync_customers", RESOURCE, request.trigger()).withSliceBudget(sliceBudget)
                .withLockTtl(Duration.ofMinutes(2));
        return syncs.run(spec, sync -> {
            PaginationResult result = sync.paginate(new CursorPaging<>("customers", Customer.class, null, "crm",
                    cursor -> {
                        CrmPage page = crm.customers(cursor);
                        return new io.durable.sync.Page<>(page.items(), page.nextCursor());
                    },
                    importer::importPage));
            return result.pages() + " pages";
        }).counters();
    }
}
