package io.durable.sample.web;

import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;

/**
 * Starts any workflow by name with a JSON input: {@code POST /api/runs/{workflow}/{instanceId}}. The
 * run belongs to the caller's tenant. Reading runs and acting on them is the operator API's, under
 * {@code /api/durable/runs} (durable-ops).
 */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    private static final String ID = "[A-Za-z0-9_.:-]{1,200}";

    @Inject
    WorkflowEngine engine;

    /**
     * Starts a run.
     *
     * @param workflow   the workflow's name
     * @param instanceId the business key
     * @param inputJson  the input as JSON
     * @return 201 {@code {"runId": ...}}, its Location the run in the operator API
     */
    @POST
    @Path("{workflow}/{instanceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("workflow") String workflow, @PathParam("instanceId") String instanceId,
                          String inputJson) {
        if (!workflow.matches(ID) || !instanceId.matches(ID)) {
            throw new PayloadException("workflow and instance id must be 1 to 200 letters, digits, '_', '.', ':' or '-'", null);
        }
        RunId id = engine.startJson(workflow, instanceId, inputJson);
        return Response.created(URI.create("durable/runs/" + id.value()))
                .entity(Json.createObjectBuilder().add("runId", id.value()).build().toString()).build();
    }
}
