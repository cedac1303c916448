package io.durable.sample.sync;

import io.durable.sample.SampleSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A fake third-party CRM inside the sample: {@code GET /fake-crm/customers?cursor=} pages through
 * {@code sample.crm.total} customers, {@code sample.crm.page-size} a page. Like real APIs it
 * misbehaves: the first request for every 7th page (from page 3) answers 429 with
 * {@code Retry-After: 1}, the first for every 11th (from page 5) answers 500. Every answer is
 * recorded in {@code sample_crm_request}. The data is deterministic, so a second sync finds every
 * record unchanged.
 */
@Path("fake-crm")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class FakeCrmResource {

    private static final String[] COUNTRIES = {"DE", "FR", "NL", "PT", "SE", "US", "JP", "BR"};

    int total = (int) SampleSettings.number("sample.crm.total", 5000);

    int pageSize = (int) SampleSettings.number("sample.crm.page-size", 100);

    long latencyMillis = SampleSettings.number("sample.crm.latency-ms", 0);

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @GET
    @Path("customers")
    @Transactional
    public Response customers(@QueryParam("cursor") String cursor) throws InterruptedException {
        int page;
        try {
            page = cursor == null || cursor.isEmpty() ? 0 : Integer.parseInt(cursor);
        } catch (NumberFormatException e) {
            return Response.status(400).entity(error("cursor must be a page number")).build();
        }
        int pages = (total + pageSize - 1) / pageSize;
        if (page < 0 || page >= Math.max(1, pages)) {
            return Response.status(400).entity(error("cursor out of range")).build();
        }
        if (latencyMillis > 0) {
            Thread.sleep(latencyMillis); // a slow remote API, for the crash test to land mid-sync
        }
        long earlier = em.createQuery("SELECT COUNT(r) FROM CrmRequest r WHERE r.page = :page", Long.class)
                .setParameter("page", page).getSingleResult();
        int status = earlier == 0 && page >= 3 && page % 7 == 3 ? 429
                : earlier == 0 && page >= 5 && page % 11 == 5 ? 500 : 200;
        em.persist(new CrmRequest(page, status));
        if (status == 429) {
            return Response.status(429).header("Retry-After", "1").entity(error("slow down")).build();
        }
        if (status == 500) {
            return Response.status(500).entity(error("internal error")).build();
        }
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = page * pageSize; i < Math.min(total, (page + 1) * pageSize); i++) {
            items.add(Json.createObjectBuilder()
                    .add("id", String.format("cus_%05d", i))
                    .add("name", "Customer " + i)
                    .add("email", "customer" + i + "@example.com")
                    .add("country", COUNTRIES[i % COUNTRIES.length])
                    .add("balanceCents", (i * 7919L) % 100_000));
        }
        JsonObjectBuilder body = Json.createObjectBuilder().add("items", items);
        if (page + 1 < pages) {
            body.add("nextCursor", Integer.toString(page + 1));
        } else {
            body.addNull("nextCursor");
        }
        return Response.ok(body.build().toString()).build();
    }

    @GET
    @Path("requests")
    public String requests() {
        JsonObjectBuilder counts = Json.createObjectBuilder();
        for (Object[] row : em.createQuery("SELECT r.status, COUNT(r) FROM CrmRequest r GROUP BY r.status", Object[].class)
                .getResultList()) {
            counts.add(row[0].toString(), ((Number) row[1]).longValue());
        }
        return counts.build().toString();
    }

    private static String error(String message) {
        return Json.createObjectBuilder().add("error", message).build().toString();
    }
}
