package io.durable.sample.ft;

import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.concurrent.atomic.AtomicInteger;

/** Starts the Fault Tolerance workflow and tells how often each step body ran. */
@Path("fault-tolerance")
@RequestScoped
public class FaultToleranceResource {

    @Inject
    WorkflowEngine engine;

    @POST
    @Path("{key}")
    @Produces(MediaType.APPLICATION_JSON)
    public String start(@PathParam("key") String key) {
        return "{\"runId\":\"" + engine.start(FaultTolerantWorkflow.class, key, key).value() + "\"}";
    }

    @GET
    @Path("{key}/{step}")
    @Produces(MediaType.TEXT_PLAIN)
    public String executions(@PathParam("key") String key, @PathParam("step") String step) {
        AtomicInteger count = FaultTolerantSteps.EXECUTIONS.get(key + ":" + step);
        return String.valueOf(count == null ? 0 : count.get());
    }
}
