package io.durable.sample.sync;

import io.durable.api.ConflictPolicy;
import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.spi.EngineClock;
import io.durable.spi.TrackingStore;
import io.durable.sync.ResourceLock;
import io.durable.sync.ResourceLockedException;
import io.durable.track.RunSummary;
import io.durable.track.RunTracker;
import io.durable.track.TrackedRun;
import io.durable.track.TrackingNotFoundException;
import io.durable.track.TrackingOwner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Starts customer syncs and shows their live progress: {@code POST /syncs/customers} (409 while one
 * runs), {@code GET /syncs/{runId}} (status, counters, summary), {@code GET /syncs/customers/table}.
 */
@Path("syncs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SyncResource {

    private static final Pattern RUN_ID = Pattern.compile("[0-9a-f-]{36}");
    /** The page log shown, at most: the sample's CRM has 50 pages by default. */
    private static final int MAX_PAGES = 1000;

    @Inject
    WorkflowEngine engine;

    @Inject
    RunTracker tracker;

    @Inject
    TrackingStore tracking;

    @Inject
    TrackingOwner owner;

    @Inject
    @EngineClock
    Clock clock;

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @POST
    @Path("customers")
    public Response start() {
        // the engine keys a sync's lock by the tenant and the resource (DefaultSyncs.lockKey): the caller's tenant's sync
        String key = owner.currentOwner().filter(o -> !o.isEmpty()).map(o -> o + "/" + CustomerSyncWorkflow.RESOURCE)
                .orElse(CustomerSyncWorkflow.RESOURCE);
        Optional<ResourceLock> lock = tracking.findLock(key);
        if (lock.isPresent() && lock.get().isLive(clock.instant())) {
            ResourceLock held = lock.get();
            throw new ResourceLockedException(held.resource(), held.holder(), held.expiresAt());
        }
        RunId runId = engine.start(CustomerSyncWorkflow.class, "customers-" + UUID.randomUUID(),
                new SyncRequest("manual"), ConflictPolicy.FAIL);
        return Response.status(201).entity(Json.createObjectBuilder().add("runId", runId.value()).build().toString())
                .build();
    }

    @GET
    @Path("{runId}")
    public String progress(@PathParam("runId") String runId) {
        if (!RUN_ID.matcher(runId).matches()) {
            throw new TrackingNotFoundException("run", runId.length() > 40 ? runId.substring(0, 40) : runId);
        }
        TrackedRun run = tracker.run(runId).orElseThrow(() -> new TrackingNotFoundException("run", runId));
        RunSummary summary = tracker.summary(runId);
        JsonObjectBuilder counters = Json.createObjectBuilder();
        run.counters().forEach(counters::add);
        JsonObjectBuilder body = Json.createObjectBuilder().add("runId", runId).add("runType", run.runType())
                .add("status", run.status().name()).add("counters", counters)
                .add("steps", summary.stepsTotal()).add("summary", summary.describe());
        if (run.error() != null) {
            body.add("error", run.error());
        }
        return body.build().toString();
    }

    @GET
    @Path("customers/table")
    public String table() {
        long rows = em.createQuery("SELECT COUNT(c) FROM SyncedCustomer c", Long.class).getSingleResult();
        long distinct = em.createQuery("SELECT COUNT(DISTINCT c.externalId) FROM SyncedCustomer c", Long.class)
                .getSingleResult();
        var pages = Json.createArrayBuilder();
        em.createQuery("SELECT p FROM PageLog p ORDER BY p.firstItem", PageLog.class).setMaxResults(MAX_PAGES)
                .getResultList()
                .forEach(p -> pages.add(Json.createObjectBuilder().add("runId", p.runId).add("firstItem", p.firstItem)
                        .add("items", p.items)));
        return Json.createObjectBuilder().add("rows", rows).add("distinctExternalIds", distinct).add("pages", pages)
                .build().toString();
    }
}
