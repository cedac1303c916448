package io.durable.sample.web;

import io.durable.api.PayloadException;
import io.durable.sample.checkout.CheckoutSteps;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** What the checkout saga did for an order (start it with {@code POST /api/runs/checkout/ORDER}). */
@Path("checkout")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CheckoutResource {

    @Inject
    CheckoutSteps steps;

    /**
     * The order's ledger: reserved, charged, shipped, or the compensations refunded and released.
     *
     * @param orderId the order
     * @return the actions, oldest first
     */
    @GET
    @Path("{orderId}/ledger")
    public String ledger(@PathParam("orderId") String orderId) {
        if (!orderId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new PayloadException("An order id is 1 to 64 letters, digits, '.', '_' or '-'", null);
        }
        JsonArrayBuilder actions = Json.createArrayBuilder();
        steps.ledger(orderId).forEach(actions::add);
        return actions.build().toString();
    }
}
