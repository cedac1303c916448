package io.durable.sample.web;

import io.durable.api.Approval;
import io.durable.api.PayloadException;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.RunQuery;
import io.durable.api.RunStatus;
import io.durable.api.RunTree;
import io.durable.api.SignalReceipt;
import io.durable.api.StepInfo;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/** Start any workflow with a JSON input, read a run with its steps, list runs. */
@Path("runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunsResource {

    private static final String ID = "[A-Za-z0-9_.:-]{1,200}";

    @Inject
    WorkflowEngine engine;

    @POST
    @Path("{workflow}/{instanceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(@PathParam("workflow") String workflow, @PathParam("instanceId") String instanceId,
                          String inputJson) {
        if (!workflow.matches(ID) || !instanceId.matches(ID)) {
            throw new PayloadException("workflow and instance id must be 1 to 200 letters, digits, '_', '.', ':' or '-'", null);
        }
        RunId id = engine.startJson(workflow, instanceId, inputJson);
        return Response.created(URI.create("runs/" + id.value()))
                .entity(Json.createObjectBuilder().add("runId", id.value()).build().toString()).build();
    }

    /**
     * Sends a signal: the body is its JSON payload; an {@code Idempotency-Key} header makes a retried
     * send count once.
     */
    @POST
    @Path("{id}/signals/{name}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signal(@PathParam("id") String id, @PathParam("name") String name,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, String payloadJson) {
        if (!name.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new PayloadException("A signal name is 1 to 100 letters, digits, '.', '_' or '-'", null);
        }
        SignalReceipt receipt = engine.signalJson(runId(id), name, payloadJson, idempotencyKey);
        return Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(Json.createObjectBuilder().add("signalId", receipt.signalId())
                        .add("duplicate", receipt.duplicate()).build().toString())
                .build();
    }

    /**
     * Pauses, unpauses or cancels a run; the body is {@code {"actor": "...", "reason": "..."}}.
     * (The sample has no login yet: the actor is taken from the body, not from an authenticated caller.)
     */
    @POST
    @Path("{id}/{action: pause|unpause|cancel|retry}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String control(@PathParam("id") String id, @PathParam("action") String action, String body) {
        JsonObject request = object(body);
        String actor = request.getString("actor", null);
        String reason = request.getString("reason", "");
        RunId runId = runId(id);
        RunInfo run = switch (action) {
            case "pause" -> engine.pause(runId, actor, reason);
            case "unpause" -> engine.unpause(runId, actor, reason);
            case "retry" -> engine.retry(runId, actor, reason);
            default -> engine.cancel(runId, actor, reason);
        };
        return run(run).build().toString();
    }

    /** The run with its child runs, recursively. */
    @GET
    @Path("{id}/tree")
    public String tree(@PathParam("id") String id) {
        return tree(engine.tree(runId(id))).build().toString();
    }

    private static JsonObjectBuilder tree(RunTree tree) {
        JsonArrayBuilder children = Json.createArrayBuilder();
        tree.children().forEach(child -> children.add(tree(child)));
        return run(tree.run()).add("children", children);
    }

    /** The approvals the run waits for. */
    @GET
    @Path("{id}/approvals")
    public String approvals(@PathParam("id") String id) {
        JsonArrayBuilder approvals = Json.createArrayBuilder();
        engine.pendingApprovals(runId(id)).forEach(a -> approvals.add(approval(a)));
        return approvals.build().toString();
    }

    /**
     * Approves or rejects; the body is {@code {"actor": "...", "reason": "..."}}. (No login yet: the
     * actor comes from the body.)
     */
    @POST
    @Path("{id}/approvals/{key}/{decision: approve|reject}")
    @Consumes(MediaType.APPLICATION_JSON)
    public String decide(@PathParam("id") String id, @PathParam("key") String key,
                         @PathParam("decision") String decision, String body) {
        JsonObject request = object(body);
        String actor = request.getString("actor", null);
        String reason = request.getString("reason", "");
        Approval decided = "approve".equals(decision)
                ? engine.approve(runId(id), key, actor, reason)
                : engine.reject(runId(id), key, actor, reason);
        return approval(decided).build().toString();
    }

    static JsonObjectBuilder approval(Approval a) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("runId", a.runId().value())
                .add("key", a.key())
                .add("status", a.status().name());
        optional(b, "workflow", a.workflowName());
        optional(b, "requestedAt", a.requestedAt());
        optional(b, "expiresAt", a.expiresAt());
        optional(b, "actor", a.actor());
        optional(b, "reason", a.reason());
        optional(b, "decidedAt", a.decidedAt());
        return b;
    }

    private static JsonObject object(String body) {
        try (var reader = Json.createReader(new java.io.StringReader(body == null || body.isBlank() ? "{}" : body))) {
            return reader.readObject();
        } catch (RuntimeException e) {
            throw new PayloadException("The body must be a JSON object {\"actor\": ..., \"reason\": ...}", e);
        }
    }

    @GET
    @Path("{id}")
    public String run(@PathParam("id") String id) {
        RunId runId = runId(id);
        RunInfo run = engine.status(runId);
        JsonArrayBuilder steps = Json.createArrayBuilder();
        for (StepInfo step : engine.steps(runId)) {
            steps.add(step(step));
        }
        return run(run).add("steps", steps).build().toString();
    }

    @GET
    public String list(@QueryParam("workflow") String workflow, @QueryParam("status") String status,
                       @QueryParam("limit") @DefaultValue("50") int limit) {
        RunStatus filter = null;
        if (status != null && !status.isBlank()) {
            try {
                filter = RunStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new PayloadException("Unknown status '" + status + "'; use one of "
                        + java.util.Arrays.toString(RunStatus.values()), null);
            }
        }
        if (limit < 1 || limit > RunQuery.MAX_LIMIT) {
            throw new PayloadException("limit must be 1 to " + RunQuery.MAX_LIMIT, null);
        }
        JsonArrayBuilder runs = Json.createArrayBuilder();
        engine.list(new RunQuery(workflow, filter, limit)).forEach(r -> runs.add(run(r)));
        return runs.build().toString();
    }

    private static RunId runId(String id) {
        if (!id.matches("[A-Za-z0-9-]{1,64}")) {
            throw new PayloadException("A run id is 1 to 64 letters, digits or '-'", null);
        }
        return new RunId(id);
    }

    static JsonObjectBuilder run(RunInfo run) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("runId", run.id().value())
                .add("workflow", run.workflowName())
                .add("version", run.workflowVersion())
                .add("instanceId", run.instanceId())
                .add("status", run.status().name())
                .add("createdAt", run.createdAt().toString());
        optional(b, "input", run.inputJson() == null ? null : parse(run.inputJson()));
        optional(b, "output", run.outputJson() == null ? null : parse(run.outputJson()));
        optional(b, "error", run.error());
        optional(b, "finishedAt", run.finishedAt());
        optional(b, "wakeAt", run.wakeAt());
        optional(b, "waitingFor", run.waitingFor());
        if (run.paused()) {
            b.add("paused", true);
        }
        optional(b, "parentRunId", run.parentRunId());
        optional(b, "continuedAs", run.continuedAs());
        if (run.lastAction() != null) {
            b.add("lastAction", Json.createObjectBuilder().add("kind", run.lastAction().kind().name())
                    .add("actor", run.lastAction().actor()).add("reason", run.lastAction().reason())
                    .add("at", run.lastAction().at().toString()));
        }
        return b;
    }

    private static JsonObject step(StepInfo s) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("sequence", s.sequence())
                .add("stepKey", s.stepKey())
                .add("status", s.status().name())
                .add("attempt", s.attempt());
        optional(b, "result", s.resultJson() == null ? null : parse(s.resultJson()));
        optional(b, "errorType", s.errorType());
        optional(b, "error", s.error());
        optional(b, "startedAt", s.startedAt());
        optional(b, "finishedAt", s.finishedAt());
        return b.build();
    }

    private static jakarta.json.JsonValue parse(String json) {
        try (var reader = Json.createReader(new java.io.StringReader(json))) {
            return reader.readValue();
        }
    }

    private static void optional(JsonObjectBuilder b, String key, Object value) {
        if (value instanceof jakarta.json.JsonValue json) {
            b.add(key, json);
        } else if (value instanceof Instant instant) {
            b.add(key, instant.toString());
        } else if (value != null) {
            b.add(key, value.toString());
        }
    }
}
