package io.durable.sample.web;

import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import io.durable.sample.order.OrderRequest;
import io.durable.sample.order.OrderWorkflow;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
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

    @Inject
    WorkflowEngine engine;

    @PersistenceContext(unitName = "sample")
    EntityManager em;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response place(OrderRequest order) {
        if (order == null) {
            return ErrorMapper.error(Response.Status.BAD_REQUEST, "An order is a JSON object with orderId, sku, quantity and amountCents");
        }
        String problem = order.problem();
        if (problem != null) {
            return ErrorMapper.error(Response.Status.BAD_REQUEST, problem);
        }
        RunId id = engine.start(OrderWorkflow.class, order.orderId(), order);
        return Response.created(URI.create("runs/" + id.value()))
                .entity(Json.createObjectBuilder().add("runId", id.value()).build().toString()).build();
    }

    @GET
    @Path("{orderId}/effects")
    public String effects(@PathParam("orderId") String orderId) {
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
        var product = em.find(io.durable.sample.order.Product.class, sku);
        return Json.createObjectBuilder().add("sku", sku).add("stock", product == null ? 0 : product.stock()).build().toString();
    }

    private long count(String entity, String orderId) {
        return em.createQuery("SELECT COUNT(e) FROM " + entity + " e WHERE e.orderId = :o", Long.class)
                .setParameter("o", orderId).getSingleResult();
    }
}
