package io.durable.cdi.internal;

import io.durable.api.RetryLaterException;
import io.durable.api.Workflow;
import io.durable.api.WorkflowMethod;
import io.durable.sync.CursorPaging;
import io.durable.sync.OffsetPaging;
import io.durable.sync.Page;
import io.durable.sync.PaginationResult;
import io.durable.sync.SyncEvent;
import io.durable.sync.SyncResult;
import io.durable.sync.SyncSpec;
import io.durable.sync.Syncs;
import io.durable.sync.UpsertResult;
import io.durable.sync.Upserts;
import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake paginated API, an in-memory table, and the workflows that sync one into the other. */
public final class SyncWorkflows {

    private SyncWorkflows() {
    }

    /** What the fake API returns. */
    public record Contact(String id, String name, int version) {
    }

    /** What the sync workflow takes. */
    public record SyncOrder(String resource, long sliceBudgetMillis, String retry) {
    }

    /**
     * A cursor-paginated API of {@code total} contacts, {@code pageSize} a page; it can answer 429 or
     * 500 for given pages a given number of times, and move the manual clock on each fetch.
     */
    @ApplicationScoped
    static class FakeApi {

        @Inject
        TestEngineConfig config;

        private volatile int total = 20;
        private volatile int pageSize = 5;
        private volatile int version = 1;
        private volatile Duration fetchTime = Duration.ZERO;
        private final Map<Integer, AtomicInteger> throttled = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> broken = new ConcurrentHashMap<>();
        private final Map<Integer, AtomicInteger> fetches = new ConcurrentHashMap<>();

        void reset(int newTotal, int newPageSize) {
            total = newTotal;
            pageSize = newPageSize;
            version = 1;
            fetchTime = Duration.ZERO;
            throttled.clear();
            broken.clear();
            fetches.clear();
        }

        void throttle(int page, int times) {
            throttled.put(page, new AtomicInteger(times));
        }

        void breakPage(int page, int times) {
            broken.put(page, new AtomicInteger(times));
        }

        void bumpVersion() {
            version++;
        }

        void fetchTakes(Duration duration) {
            fetchTime = duration;
        }

        int fetchesOf(int page) {
            return fetches.getOrDefault(page, new AtomicInteger()).get();
        }

        Page<Contact> page(String cursor) {
            int page = cursor == null ? 0 : Integer.parseInt(cursor);
            fetches.computeIfAbsent(page, k -> new AtomicInteger()).incrementAndGet();
            config.manualClock().advance(fetchTime);
            if (decrement(throttled, page)) {
                throw new RetryLaterException("HTTP 429 on page " + page, Duration.ofSeconds(1));
            }
            if (decrement(broken, page)) {
                throw new IllegalStateException("HTTP 500 on page " + page);
            }
            List<Contact> items = new ArrayList<>();
            for (int i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i++) {
                items.add(new Contact("c" + i, "Contact " + i, version));
            }
            boolean last = (page + 1) * pageSize >= total;
            return new Page<>(items, last ? null : Integer.toString(page + 1));
        }

        List<Contact> items(long offset, int limit) {
            return page(Long.toString(offset / limit)).items();
        }

        private static boolean decrement(Map<Integer, AtomicInteger> failures, int page) {
            AtomicInteger left = failures.get(page);
            return left != null && left.getAndDecrement() > 0;
        }
    }

    /** The application's table of contacts with their content hashes, and how often each page was processed. */
    @ApplicationScoped
    static class ContactTable {
        final Map<String, String> hashes = new ConcurrentHashMap<>();
        final Map<String, Contact> rows = new ConcurrentHashMap<>();
        final AtomicInteger pagesProcessed = new AtomicInteger();

        void reset() {
            hashes.clear();
            rows.clear();
            pagesProcessed.set(0);
        }

        UpsertResult upsert(Contact contact) {
            String hash = io.durable.sync.ContentHash.of("contact " + contact.id(), contact);
            return Upserts.withHash(hash, () -> Optional.ofNullable(hashes.get(contact.id())), h -> h, () -> {
                hashes.put(contact.id(), hash);
                rows.put(contact.id(), contact);
            }, h -> {
                hashes.put(contact.id(), hash);
                rows.put(contact.id(), contact);
            });
        }

        void pageProcessed() {
            pagesProcessed.incrementAndGet();
        }

        Map<String, Contact> rows() {
            return rows;
        }

        int pagesProcessed() {
            return pagesProcessed.get();
        }
    }

    /** Syncs the fake API's contacts into the table with cursor pagination. */
    @Workflow(name = "contact-sync")
    public static class ContactSyncWorkflow {

        @Inject
        Syncs syncs;

        @Inject
        FakeApi api;

        @Inject
        ContactTable table;

        @WorkflowMethod
        public Map<String, Long> run(SyncOrder order) {
            SyncSpec spec = SyncSpec.of("sync_contacts", order.resource(), "test")
                    .withSliceBudget(Duration.ofMillis(order.sliceBudgetMillis()));
            SyncResult<PaginationResult> result = syncs.run(spec, sync -> sync.paginate(new CursorPaging<>("contacts",
                    Contact.class, null, order.retry(), api::page, (items, s) -> {
                        table.pageProcessed();
                        for (Contact contact : items) {
                            s.count(table.upsert(contact));
                        }
                    })));
            return result.counters();
        }
    }

    /** Syncs with offset pagination and waits up to a minute for a busy resource. */
    @Workflow(name = "contact-offset-sync")
    public static class OffsetSyncWorkflow {

        @Inject
        Syncs syncs;

        @Inject
        FakeApi api;

        @Inject
        ContactTable table;

        @WorkflowMethod
        public Map<String, Long> run(SyncOrder order) {
            SyncSpec spec = SyncSpec.of("sync_contacts_offset", order.resource(), "test").waitingUpTo(Duration.ofMinutes(1));
            return syncs.run(spec, sync -> sync.paginate(new OffsetPaging<>("contacts", Contact.class, 0, 5, order.retry(),
                    api::items, (items, s) -> items.forEach(c -> s.count(table.upsert(c)))))).counters();
        }
    }

    /** Processes numbers in batches of 4, failing the multiples of 5, over several slices. */
    @Workflow(name = "batch-sync")
    public static class BatchSyncWorkflow {

        @Inject
        Syncs syncs;

        @Inject
        TestEngineConfig config;

        @WorkflowMethod
        public String run(String resource) {
            List<Integer> items = java.util.stream.IntStream.range(1, 21).boxed().toList();
            SyncSpec spec = SyncSpec.of("batch", resource, "test").withSliceBudget(Duration.ofSeconds(5));
            return syncs.run(spec, sync -> {
                var result = sync.processBatches("numbers", items, 0, 4, this::handle);
                int slices = 0;
                while (!result.allDone()) {
                    sync.newSlice();
                    slices++;
                    result = result.then(sync.processBatches("numbers", items, result.nextIndex(), 4, this::handle));
                }
                return result.succeeded() + " ok, " + result.failed() + " failed, " + slices + " new slices";
            }).value();
        }

        private void handle(Integer n) {
            config.manualClock().advance(Duration.ofSeconds(1));
            if (n % 5 == 0) {
                throw new IllegalArgumentException(n + " is a multiple of 5");
            }
        }
    }

    /** A durable step that reports progress, a call and a link on its own journal row. */
    @ApplicationScoped
    static class ReportingSteps {

        @Inject
        io.durable.track.RunTracker tracker;

        @io.durable.api.DurableStep(transactional = true)
        public int importAll(int items) {
            String step = tracker.currentStep();
            tracker.updateStepProgress(step, new io.durable.track.StepProgress(items, items, items - 1, 1));
            tracker.executeCall(step, io.durable.track.CallSpec.of("crm", "GET /all"), () -> items);
            tracker.linkStep(step, new io.durable.track.StepLink("output", "customer", "1", null));
            return items - 1;
        }

        @io.durable.api.DurableStep
        public int importPlain(int items) {
            String step = tracker.currentStep();
            tracker.updateStepProgress(step, new io.durable.track.StepProgress(items, items, items, 0));
            return items;
        }
    }

    /** Runs the reporting steps. */
    @Workflow(name = "reporting")
    public static class ReportingWorkflow {

        @Inject
        ReportingSteps steps;

        @WorkflowMethod
        public int run(int items) {
            return steps.importAll(items) + steps.importPlain(items);
        }
    }

    /** The owner of the current test caller, switchable. */
    @ApplicationScoped
    static class TestOwner implements TrackingOwner {
        private volatile String owner = "";

        void set(String value) {
            owner = value;
        }

        @Override
        public Optional<String> currentOwner() {
            return owner.isEmpty() ? Optional.empty() : Optional.of(owner);
        }
    }

    /** Records the sync events. */
    @ApplicationScoped
    static class SyncEvents {
        final List<SyncEvent> seen = new CopyOnWriteArrayList<>();

        void on(@Observes SyncEvent event) {
            seen.add(event);
        }

        List<SyncEvent> seen() {
            return seen;
        }
    }
}
