package io.durable.sample.web;

import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.sample.order.OrderRequest;
import io.durable.sample.order.OrderWorkflow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/** Place an order (starts the order workflow) and look at what it did in the sample's tables. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class OrdersResource {

    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    WorkflowEngine engine;

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(String body) {
        OrderRequest order = read(body);
        if (order == null) {
            throw new PayloadException("An order is a JSON object with orderId, sku, quantity and amountCents", null);
        }
        String problem = order.problem();
        if (problem != null) {
            throw new PayloadException(problem, null);
        }
        RunId id = engine.start(OrderWorkflow.class, order.orderId(), order);
        return Response.created(URI.create("durable/runs/" + id.value()))
                .entity(Json.createObjectBuilder().add("runId", id.value()).build().toString()).build();
    }

    @GET
    @Path("{orderId}/effects")
    public String effects(@PathParam("orderId") String orderId) {
        key("order id", orderId);
        return Json.createObjectBuilder()
                .add("reservations", count("Reservation", orderId))
                .add("payments", count("Payment", orderId))
                .add("shipments", count("Shipment", orderId))
                .add("notifications", count("Notification", orderId))
                .add("stepExecutions", count("StepExecution", orderId))
                .build().toString();
    }

    @GET
    @Path("stock/{sku}")
    public String stock(@PathParam("sku") String sku) {
        key("sku", sku);
        var product = em.find(io.durable.sample.order.Product.class, sku);
        return Json.createObjectBuilder().add("sku", sku).add("stock", product == null ? 0 : product.stock()).build().toString();
    }

    /** The order in the body; JSON-B's own message (which may quote classes) is not passed on. */
    private static OrderRequest read(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            return JSONB.fromJson(body, OrderRequest.class);
        } catch (JsonbException e) {
            throw new PayloadException("An order is a JSON object with orderId, sku, quantity and amountCents; "
                    + "this body is not one", null);
        }
    }

    private static void key(String what, String value) {
        if (!value.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new PayloadException("A " + what + " is 1 to 64 letters, digits, '.', '_' or '-'", null);
        }
    }

    private long count(String entity, String orderId) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.orderId = :o", Long.class)
                .setParameter("o", orderId).getSingleResult();
    }
}
