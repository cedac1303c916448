package io.durable.ops.api;

import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * {@code GET /durable/approvals}: the approvals that unfinished runs of the caller's tenant wait for
 * (decide them under {@code /durable/runs/{id}/approvals/{key}/approve|reject}).
 */
@Path("durable/approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    /** The largest list. */
    static final int MAX = 200;

    @Inject
    WorkflowEngine engine;

    @Inject
    Caller caller;

    /**
     * The pending approvals, oldest first.
     *
     * @param limit at most this many, 1 to 200, 50 by default
     * @return {@code {"approvals": [Approval]}}
     */
    @GET
    @Operation(summary = "The approvals unfinished runs wait for, oldest first")
    @APIResponse(responseCode = "200", description = "{\"approvals\":[Approval]}")
    public String pending(@QueryParam("limit") String limit) {
        caller.requireViewer("list approvals");
        int max = Parameters.bounded("limit", limit, 50, 1, MAX);
        return Json.createObjectBuilder().add("approvals", Views.array(engine.pendingApprovals(max), Views::approval))
                .build().toString();
    }
}
