package io.durable.ops.api;

import io.durable.api.RunId;
import io.durable.api.RunQuery;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.util.List;

/**
 * {@code GET /durable/runs/{id}...}: one run with what an operator needs at a glance, its journal in
 * pages, its tree of child runs (bounded), its signals and its export. Every read is bounded. A run
 * of another tenant is "not found", like one that does not exist.
 */
@Path("durable/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunReadsResource {

    /** Children shown with a run. */
    static final int CHILDREN = 50;
    /** Signals shown with a run, and the default of the signals list. */
    static final int SIGNALS = 100;

    @Inject
    WorkflowEngine engine;

    @Inject
    Caller caller;

    /**
     * A run with its pending approvals, its first children and its first signals.
     *
     * @param id the run id
     * @return Run + {@code approvals}, {@code children} ({@code {"runs":[Run],"next":cursor|null}}), {@code signals}
     */
    @GET
    @Path("{id}")
    @Operation(summary = "A run with its pending approvals, first 50 children and first 100 signals")
    @APIResponse(responseCode = "200", description = "Run with approvals, children and signals")
    @APIResponse(responseCode = "404", description = "No such run in the caller's tenant")
    public String run(@PathParam("id") String id) {
        caller.requireViewer("read a run");
        RunId runId = Parameters.runId(id);
        var run = Views.run(engine.status(runId));
        run.add("approvals", Views.array(engine.pendingApprovals(runId), Views::approval));
        run.add("children", Views.page(engine.page(RunQuery.childrenOf(runId).withLimit(CHILDREN))));
        run.add("signals", Views.array(engine.signals(runId, SIGNALS), Views::signal));
        return run.build().toString();
    }

    /**
     * One page of a run's journal, in the order it was written.
     *
     * @param id    the run id
     * @param from  the first sequence, 0 by default
     * @param limit at most this many entries, 1 to 1000, 200 by default
     * @return {@code {"steps": [Step], "next": sequence|null}}
     */
    @GET
    @Path("{id}/steps")
    @Operation(summary = "One page of a run's journal; pass 'next' as from for the following page")
    @APIResponse(responseCode = "200", description = "{\"steps\":[Step],\"next\":sequence|null}")
    public String steps(@PathParam("id") String id, @QueryParam("from") String from,
                        @QueryParam("limit") String limit) {
        caller.requireViewer("read a run's journal");
        RunId runId = Parameters.runId(id);
        int first = Parameters.bounded("from", from, 0, 0, Integer.MAX_VALUE - 1);
        int max = Parameters.bounded("limit", limit, 200, 1, RunQuery.MAX_LIMIT);
        List<StepInfo> steps = engine.steps(runId, first, max);
        JsonValue next = JsonValue.NULL;
        if (steps.size() == max) {
            int after = steps.get(steps.size() - 1).sequence() + 1;
            if (!engine.steps(runId, after, 1).isEmpty()) {
                next = Json.createValue(after);
            }
        }
        return Json.createObjectBuilder().add("steps", Views.array(steps, Views::step)).add("next", next).build()
                .toString();
    }

    /**
     * A run with its child runs, recursively, breadth first up to a bound.
     *
     * @param id  the run id
     * @param max at most this many runs in the tree, 1 to 1000, 200 by default
     * @return Tree {@code {"run": Run, "children": [Tree], "truncated": bool}}
     */
    @GET
    @Path("{id}/tree")
    @Operation(summary = "A run with its child runs, recursively, at most 'max' runs")
    @APIResponse(responseCode = "200", description = "Tree {\"run\":Run,\"children\":[Tree],\"truncated\":bool}")
    public String tree(@PathParam("id") String id, @QueryParam("max") String max) {
        caller.requireViewer("read a run's tree");
        RunId runId = Parameters.runId(id);
        return Views.tree(engine.tree(runId, Parameters.bounded("max", max, 200, 1, RunQuery.MAX_LIMIT))).toString();
    }

    /**
     * The signals sent to a run, oldest first.
     *
     * @param id    the run id
     * @param limit at most this many, 1 to 1000, 100 by default
     * @return {@code {"signals": [Signal]}}
     */
    @GET
    @Path("{id}/signals")
    @Operation(summary = "The signals sent to a run, oldest first, received or not")
    @APIResponse(responseCode = "200", description = "{\"signals\":[Signal]}")
    public String signals(@PathParam("id") String id, @QueryParam("limit") String limit) {
        caller.requireViewer("read a run's signals");
        RunId runId = Parameters.runId(id);
        int max = Parameters.bounded("limit", limit, SIGNALS, 1, RunQuery.MAX_LIMIT);
        return Json.createObjectBuilder().add("signals", Views.array(engine.signals(runId, max), Views::signal))
                .build().toString();
    }

    /**
     * The run with its whole journal as the versioned export document (docs/run-export.md).
     *
     * @param id the run id
     * @return the document
     */
    @GET
    @Path("{id}/export")
    @Operation(summary = "The run with its whole journal as the versioned export document (docs/run-export.md)")
    @APIResponse(responseCode = "200", description = "The RunExport document")
    public String export(@PathParam("id") String id) {
        caller.requireViewer("export a run");
        return engine.export(Parameters.runId(id)).toJson();
    }
}
