package io.durable.sample.sync;

import io.durable.api.RetryLaterException;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The CRM's API without HTTP, for unit tests: three pages of two customers; the second page answers
 * "429, retry after 30 seconds" once.
 */
@ApplicationScoped
public class FakeCrm extends CrmClient {

    private final AtomicBoolean limited = new AtomicBoolean();
    private final AtomicInteger requests = new AtomicInteger();

    int requests() {
        return requests.get();
    }

    @Override
    public CrmPage customers(String cursor) {
        requests.incrementAndGet();
        if (cursor == null) {
            return new CrmPage(List.of(customer("c1"), customer("c2")), "p2");
        }
        if ("p2".equals(cursor)) {
            if (limited.compareAndSet(false, true)) {
                throw new RetryLaterException("CRM answered HTTP 429 for cursor p2", Duration.ofSeconds(30));
            }
            return new CrmPage(List.of(customer("c3"), customer("c4")), "p3");
        }
        return new CrmPage(List.of(customer("c5"), customer("c6")), null);
    }

    private static Customer customer(String id) {
        return new Customer(id, "Customer " + id, id + "@example.com", "DE", 100);
    }
}
