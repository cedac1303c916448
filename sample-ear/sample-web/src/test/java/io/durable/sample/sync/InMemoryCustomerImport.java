package io.durable.sample.sync;

import io.durable.sync.SyncContext;
import io.durable.sync.UpsertResult;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The import without the database, for unit tests: every customer is new. */
@ApplicationScoped
public class InMemoryCustomerImport extends CustomerImport {

    private final List<String> imported = new CopyOnWriteArrayList<>();

    List<String> imported() {
        return List.copyOf(imported);
    }

    @Override
    public void importPage(List<Customer> items, SyncContext sync) {
        for (Customer customer : items) {
            imported.add(customer.id());
            sync.count(UpsertResult.CREATED);
        }
    }
}
