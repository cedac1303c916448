package io.durable.ops.api;

import io.durable.api.AccessDeniedException;
import io.durable.api.DurableRoles;
import io.durable.api.Limit;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.time.Instant;
import java.util.Map;

/**
 * {@code GET /durable/runs}: pages of runs with filters, and counts per status. Parameters are
 * strings checked here (a bad number is a 400, not JAX-RS's 404 for a query parameter it cannot convert).
 */
@Path("durable/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunListResource {

    /** The largest page of runs. */
    static final int MAX_PAGE = 200;

    @Inject
    WorkflowEngine engine;

    @Inject
    Caller caller;

    /**
     * One page of runs, newest first.
     *
     * @return {@code {"runs": [Run], "next": cursor|null}}
     */
    @GET
    @Operation(summary = "One page of runs, newest first; pass 'next' as cursor for the following page")
    @APIResponse(responseCode = "200", description = "{\"runs\":[Run],\"next\":cursor|null}")
    @APIResponse(responseCode = "400", description = "A filter, the limit (1 to 200) or the cursor is invalid")
    public String list(@QueryParam("workflow") String workflow, @QueryParam("status") String status,
                       @QueryParam("instanceId") String instanceId, @QueryParam("owner") String owner,
                       @QueryParam("from") String from, @QueryParam("to") String to,
                       @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        caller.requireViewer("list runs");
        RunQuery query = query(workflow, instanceId, owner, from, to)
                .withStatus(Parameters.status(status))
                .withLimit(Parameters.bounded("limit", limit, 50, 1, MAX_PAGE))
                .withCursor(Parameters.cursor(cursor));
        return Views.page(engine.page(query)).toString();
    }

    /**
     * How many runs of each status match the filters.
     *
     * @return {@code {"counts": {"RUNNING": 3, ...}}} with every status, 0 for those without runs
     */
    @GET
    @Path("counts")
    @Operation(summary = "How many runs of each status match the filters")
    @APIResponse(responseCode = "200", description = "{\"counts\":{\"RUNNING\":3,\"COMPLETED\":10,...}}")
    public String counts(@QueryParam("workflow") String workflow, @QueryParam("instanceId") String instanceId,
                         @QueryParam("owner") String owner, @QueryParam("from") String from,
                         @QueryParam("to") String to) {
        caller.requireViewer("count runs");
        Map<RunStatus, Long> counts = engine.countByStatus(query(workflow, instanceId, owner, from, to));
        JsonObjectBuilder byStatus = Json.createObjectBuilder();
        for (RunStatus status : RunStatus.values()) {
            byStatus.add(status.name(), counts.getOrDefault(status, 0L));
        }
        return Json.createObjectBuilder().add("counts", byStatus).build().toString();
    }

    private RunQuery query(String workflow, String instanceId, String owner, String from, String to) {
        String ownerFilter = Parameters.text("owner", owner, Limit.OWNER);
        if (ownerFilter != null && !caller.isAdmin()) {
            throw new AccessDeniedException(caller.name().orElse(""), "filter runs by owner", DurableRoles.ADMIN);
        }
        Instant fromTime = Parameters.instant("from", from);
        Instant toTime = Parameters.instant("to", to);
        if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
            throw new InvalidParameterException("from", "must be before 'to'");
        }
        return new RunQuery(Parameters.text("workflow", workflow, Limit.WORKFLOW_NAME), null, MAX_PAGE)
                .withInstanceId(Parameters.text("instanceId", instanceId, Limit.INSTANCE_ID))
                .withOwner(ownerFilter)
                .withCreated(fromTime, toTime);
    }
}
