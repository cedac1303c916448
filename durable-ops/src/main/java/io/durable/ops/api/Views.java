package io.durable.ops.api;

import io.durable.api.Approval;
import io.durable.api.OperatorAction;
import io.durable.api.RunInfo;
import io.durable.api.RunPage;
import io.durable.api.RunTree;
import io.durable.api.SignalInfo;
import io.durable.api.StepInfo;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.time.Instant;
import java.util.Collection;
import java.util.function.Function;

/**
 * The JSON shapes of the operator API (docs/operator-api.md): Run, Step, Approval, Signal, Tree and
 * pages of them. Absent values are JSON {@code null}; times are ISO-8601 UTC; stored JSON (inputs,
 * outputs, step results, payloads) is embedded as JSON values, not as strings.
 */
final class Views {

    private Views() {
    }

    /** A Run. */
    static JsonObjectBuilder run(RunInfo run) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", run.id().value())
                .add("workflow", run.workflowName())
                .add("version", run.workflowVersion())
                .add("instanceId", run.instanceId())
                .add("status", run.status().name())
                .add("input", json(run.inputJson()))
                .add("output", json(run.outputJson()))
                .add("error", text(run.error()))
                .add("createdAt", time(run.createdAt()))
                .add("updatedAt", time(run.updatedAt()))
                .add("finishedAt", time(run.finishedAt()))
                .add("wakeAt", time(run.wakeAt()))
                .add("waitingFor", text(run.waitingFor()))
                .add("paused", run.paused())
                .add("lastAction", action(run.lastAction()))
                .add("parentRunId", text(run.parentRunId() == null ? null : run.parentRunId().value()))
                .add("parentStepKey", text(run.parentStepKey()))
                .add("continuedAs", text(run.continuedAs() == null ? null : run.continuedAs().value()))
                .add("owner", text(run.owner().isEmpty() ? null : run.owner()))
                .add("job", run.job());
        return b;
    }

    /** A Step: one journal entry. */
    static JsonObject step(StepInfo step) {
        return Json.createObjectBuilder()
                .add("sequence", step.sequence())
                .add("key", step.stepKey())
                .add("name", step.name())
                .add("status", step.status().name())
                .add("attempt", step.attempt())
                .add("result", json(step.resultJson()))
                .add("errorType", text(step.errorType()))
                .add("error", text(step.error()))
                .add("startedAt", time(step.startedAt()))
                .add("finishedAt", time(step.finishedAt()))
                .build();
    }

    /** An Approval. */
    static JsonObject approval(Approval a) {
        return Json.createObjectBuilder()
                .add("runId", a.runId().value())
                .add("key", a.key())
                .add("status", a.status().name())
                .add("workflow", text(a.workflowName()))
                .add("requestedAt", time(a.requestedAt()))
                .add("expiresAt", time(a.expiresAt()))
                .add("actor", text(a.actor()))
                .add("reason", text(a.reason()))
                .add("decidedAt", time(a.decidedAt()))
                .build();
    }

    /** A Signal. */
    static JsonObject signal(SignalInfo s) {
        return Json.createObjectBuilder()
                .add("id", s.id())
                .add("name", s.name())
                .add("payload", json(s.payloadJson()))
                .add("sentAt", time(s.sentAt()))
                .add("consumed", s.consumed())
                .build();
    }

    /** A Tree: a run, its children's trees, and whether children were cut at the bound. */
    static JsonObject tree(RunTree tree) {
        return Json.createObjectBuilder()
                .add("run", run(tree.run()))
                .add("children", array(tree.children(), Views::tree))
                .add("truncated", tree.truncated())
                .build();
    }

    /** A page of runs: {@code {"runs": [...], "next": cursor|null}}. */
    static JsonObject page(RunPage page) {
        return Json.createObjectBuilder()
                .add("runs", array(page.runs(), r -> run(r).build()))
                .add("next", text(page.nextCursor()))
                .build();
    }

    /** The values as a JSON array. */
    static <T> JsonArrayBuilder array(Collection<T> values, Function<T, JsonValue> view) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        values.forEach(v -> array.add(view.apply(v)));
        return array;
    }

    /**
     * Stored JSON as a value. A stored text that does not parse (it never should) is shown as a
     * string rather than failing the whole read.
     */
    static JsonValue json(String stored) {
        if (stored == null) {
            return JsonValue.NULL;
        }
        try (var reader = Json.createReader(new StringReader(stored))) {
            return reader.readValue();
        } catch (JsonException e) {
            return Json.createValue(stored);
        }
    }

    private static JsonValue action(OperatorAction action) {
        if (action == null) {
            return JsonValue.NULL;
        }
        return Json.createObjectBuilder()
                .add("kind", action.kind().name())
                .add("actor", action.actor())
                .add("reason", action.reason())
                .add("at", time(action.at()))
                .build();
    }

    static JsonValue text(String value) {
        return value == null ? JsonValue.NULL : Json.createValue(value);
    }

    static JsonValue time(Instant value) {
        return value == null ? JsonValue.NULL : Json.createValue(value.toString());
    }
}
