package io.durable.sample.values;

import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Starts the value round trip; the run is read through the sample's {@code runs/{id}}. */
@Path("value-round-trip")
@RequestScoped
public class ShapesResource {

    @Inject
    WorkflowEngine engine;

    @POST
    @Path("{instance}")
    @Produces(MediaType.APPLICATION_JSON)
    public String start(@PathParam("instance") String instance) {
        return "{\"runId\":\"" + engine.start(ShapesWorkflow.class, instance, null).value() + "\"}";
    }
}
