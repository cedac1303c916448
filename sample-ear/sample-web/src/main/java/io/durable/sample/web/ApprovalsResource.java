package io.durable.sample.web;

import io.durable.api.PayloadException;
import io.durable.api.RunQuery;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** The approvals every unfinished run waits for (decide them under {@code /api/runs/ID/approvals/KEY}). */
@Path("approvals")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalsResource {

    @Inject
    WorkflowEngine engine;

    /**
     * Lists pending approvals, oldest first.
     *
     * @param limit at most this many
     * @return the approvals
     */
    @GET
    public String pending(@QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new PayloadException("limit must be 1 to " + RunQuery.MAX_LIMIT, null);
        }
        JsonArrayBuilder approvals = Json.createArrayBuilder();
        engine.pendingApprovals(limit).forEach(a -> approvals.add(RunsResource.approval(a)));
        return approvals.build().toString();
    }
}
