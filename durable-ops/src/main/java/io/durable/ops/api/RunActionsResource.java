package io.durable.ops.api;

import io.durable.api.Approval;
import io.durable.api.RunId;
import io.durable.api.RunInfo;
import io.durable.api.SignalReceipt;
import io.durable.api.WorkflowEngine;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import java.io.InputStream;

/**
 * {@code POST /durable/runs/{id}/...}: an operator acts on a run. The actor recorded is the
 * authenticated caller's name, never a field of the request; a body is JSON of bounded size
 * ({@link Bodies}).
 */
@Path("durable/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RunActionsResource {

    @Inject
    WorkflowEngine engine;

    @Inject
    Caller caller;

    @Context
    HttpHeaders headers;

    /**
     * Sends a signal; the body is its JSON payload (at most 64 KiB, none for a {@code null} payload).
     *
     * @param id             the run id
     * @param name           the signal's name, as the workflow declares it
     * @param idempotencyKey optional: a retried send with the same key is stored once
     * @param body           the payload
     * @return 202 {@code {"signalId": .., "duplicate": false}}, or 200 with {@code true} for a duplicate
     */
    @POST
    @Path("{id}/signals/{name}")
    @Operation(summary = "Sends a signal with a JSON payload (at most 64 KiB)")
    @APIResponse(responseCode = "202", description = "{\"signalId\":\"..\",\"duplicate\":false}")
    @APIResponse(responseCode = "200", description = "A duplicate of an earlier send with this Idempotency-Key")
    @APIResponse(responseCode = "413", description = "The payload is larger than 64 KiB")
    public Response signal(@PathParam("id") String id, @PathParam("name") String name,
                           @HeaderParam("Idempotency-Key") String idempotencyKey, InputStream body) {
        caller.requireOperator("signal a run");
        RunId runId = Parameters.runId(id);
        String signal = Parameters.signalName(name);
        String key = Parameters.idempotencyKey(idempotencyKey);
        String payload = Bodies.read(body, headers.getMediaType(), Bodies.MAX_PAYLOAD, "signal payload");
        SignalReceipt receipt = engine.signalJson(runId, signal, payload.isBlank() ? null : payload, key);
        return Response.status(receipt.duplicate() ? Response.Status.OK : Response.Status.ACCEPTED)
                .entity(Json.createObjectBuilder().add("signalId", receipt.signalId())
                        .add("duplicate", receipt.duplicate()).build().toString())
                .build();
    }

    /**
     * Pauses a run: it stops at its next step boundary and stays parked until unpaused.
     *
     * @param id   the run id
     * @param body {@code {"reason": "..."}}, optional
     * @return the Run as after the action
     */
    @POST
    @Path("{id}/pause")
    @Operation(summary = "Pauses a run: it stops at its next step boundary; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Run as after the action")
    @APIResponse(responseCode = "409", description = "The run has finished or is paused already")
    public String pause(@PathParam("id") String id, InputStream body) {
        return act(id, "pause", body, engine::pause);
    }

    /**
     * Lets a paused run go on.
     *
     * @param id   the run id
     * @param body {@code {"reason": "..."}}, optional
     * @return the Run as after the action
     */
    @POST
    @Path("{id}/unpause")
    @Operation(summary = "Lets a paused run go on; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Run as after the action")
    @APIResponse(responseCode = "409", description = "The run has finished or is not paused")
    public String unpause(@PathParam("id") String id, InputStream body) {
        return act(id, "unpause", body, engine::unpause);
    }

    /**
     * Cancels a run for good.
     *
     * @param id   the run id
     * @param body {@code {"reason": "..."}}, optional
     * @return the Run as after the action, CANCELLED
     */
    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancels a run for good; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Run as after the action, CANCELLED")
    @APIResponse(responseCode = "409", description = "The run has finished")
    public String cancel(@PathParam("id") String id, InputStream body) {
        return act(id, "cancel", body, engine::cancel);
    }

    /**
     * Lets a BLOCKED run go on after its code was fixed.
     *
     * @param id   the run id
     * @param body {@code {"reason": "..."}}, optional
     * @return the Run as after the action, PENDING
     */
    @POST
    @Path("{id}/retry")
    @Operation(summary = "Lets a BLOCKED run go on, replayed from its journal; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Run as after the action, PENDING")
    @APIResponse(responseCode = "409", description = "The run has finished or is not BLOCKED")
    public String retry(@PathParam("id") String id, InputStream body) {
        return act(id, "retry", body, engine::retry);
    }

    /**
     * Approves a pending approval.
     *
     * @param id   the run id
     * @param key  the approval's key
     * @param body {@code {"reason": "..."}}, optional
     * @return the Approval as decided
     */
    @POST
    @Path("{id}/approvals/{key}/approve")
    @Operation(summary = "Approves a pending approval; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Approval as decided")
    @APIResponse(responseCode = "409", description = "It was decided or expired already; the first decision stands")
    public String approve(@PathParam("id") String id, @PathParam("key") String key, InputStream body) {
        return decide(id, key, "approve", body, engine::approve);
    }

    /**
     * Rejects a pending approval.
     *
     * @param id   the run id
     * @param key  the approval's key
     * @param body {@code {"reason": "..."}}, optional
     * @return the Approval as decided
     */
    @POST
    @Path("{id}/approvals/{key}/reject")
    @Operation(summary = "Rejects a pending approval; body {\"reason\":\"...\"}, optional")
    @APIResponse(responseCode = "200", description = "The Approval as decided")
    @APIResponse(responseCode = "409", description = "It was decided or expired already; the first decision stands")
    public String reject(@PathParam("id") String id, @PathParam("key") String key, InputStream body) {
        return decide(id, key, "reject", body, engine::reject);
    }

    /** An engine action on a run by an actor with a reason. */
    @FunctionalInterface
    interface RunAction {
        RunInfo apply(RunId runId, String actor, String reason);
    }

    /** An engine decision of an approval by an actor with a reason. */
    @FunctionalInterface
    interface Decision {
        Approval apply(RunId runId, String key, String actor, String reason);
    }

    private String act(String id, String name, InputStream body, RunAction action) {
        String actor = caller.requireOperator(name + " a run");
        RunId runId = Parameters.runId(id);
        return Views.run(action.apply(runId, actor, reason(body))).build().toString();
    }

    private String decide(String id, String key, String name, InputStream body, Decision decision) {
        String actor = caller.requireOperator(name + " an approval");
        RunId runId = Parameters.runId(id);
        String approvalKey = Parameters.approvalKey(key);
        return Views.approval(decision.apply(runId, approvalKey, actor, reason(body))).toString();
    }

    private String reason(InputStream body) {
        return Bodies.reason(Bodies.read(body, headers.getMediaType(), Bodies.MAX_ACTION_BODY, "body"));
    }
}
