package io.durable.api;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonGenerator;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of a {@link RunExport}, in JSON-P: a field whose value is {@code null} is left out, and
 * a payload (stored as JSON text) is embedded as the JSON value it holds.
 */
final class RunExportJson {

    static final String FORMAT = "durable-run-export";

    private RunExportJson() {
    }

    static String write(RunExport export) {
        JsonObjectBuilder document = Json.createObjectBuilder()
                .add("format", FORMAT)
                .add("formatVersion", export.formatVersion())
                .add("exportedAt", export.exportedAt().toString())
                .add("run", run(export.run()));
        var journal = Json.createArrayBuilder();
        export.journal().forEach(entry -> journal.add(entry(entry)));
        document.add("journal", journal);
        StringWriter out = new StringWriter();
        try (var writer = Json.createWriterFactory(Map.of(JsonGenerator.PRETTY_PRINTING, true)).createWriter(out)) {
            writer.writeObject(document.build());
        }
        return out.toString().strip() + "\n";
    }

    private static JsonObjectBuilder run(RunInfo run) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        o.add("id", run.id().value());
        o.add("workflow", run.workflowName());
        o.add("workflowVersion", run.workflowVersion());
        o.add("instanceId", run.instanceId());
        o.add("status", run.status().name());
        payload(o, "input", run.inputJson());
        payload(o, "output", run.outputJson());
        text(o, "error", run.error());
        text(o, "createdAt", run.createdAt());
        text(o, "updatedAt", run.updatedAt());
        text(o, "finishedAt", run.finishedAt());
        text(o, "wakeAt", run.wakeAt());
        text(o, "waitingFor", run.waitingFor());
        o.add("paused", run.paused());
        if (run.lastAction() != null) {
            OperatorAction a = run.lastAction();
            o.add("lastAction", Json.createObjectBuilder().add("kind", a.kind().name()).add("actor", a.actor())
                    .add("reason", a.reason()).add("at", a.at().toString()));
        }
        text(o, "parentRunId", run.parentRunId() == null ? null : run.parentRunId().value());
        text(o, "parentStepKey", run.parentStepKey());
        text(o, "continuedAs", run.continuedAs() == null ? null : run.continuedAs().value());
        o.add("owner", run.owner());
        return o;
    }

    private static JsonObjectBuilder entry(StepInfo step) {
        JsonObjectBuilder o = Json.createObjectBuilder();
        o.add("sequence", step.sequence());
        o.add("stepKey", step.stepKey());
        o.add("name", step.name());
        o.add("status", step.status().name());
        o.add("attempt", step.attempt());
        text(o, "argsHash", step.argsHash());
        payload(o, "result", step.resultJson());
        text(o, "errorType", step.errorType());
        text(o, "error", step.error());
        text(o, "startedAt", step.startedAt());
        text(o, "finishedAt", step.finishedAt());
        return o;
    }

    private static void text(JsonObjectBuilder o, String name, Object value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }

    private static void payload(JsonObjectBuilder o, String name, String json) {
        if (json != null) {
            try (var reader = Json.createReader(new StringReader(json))) {
                o.add(name, reader.readValue());
            }
        }
    }

    static RunExport read(String json) {
        if (json == null || json.isBlank()) {
            throw new PayloadException("A run export is a JSON document; got " + (json == null ? "null" : "blank text"),
                    null);
        }
        JsonObject document;
        try (var reader = Json.createReader(new StringReader(json))) {
            document = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new PayloadException("A run export must be a JSON object: " + e.getMessage(), e);
        }
        Fields d = new Fields(document, "the document");
        if (!FORMAT.equals(d.string("format"))) {
            throw new PayloadException("Not a run export: its \"format\" is '" + d.string("format") + "', not '"
                    + FORMAT + "'", null);
        }
        int version = d.integer("formatVersion");
        RunExport.checkFormatVersion(version);
        Instant exportedAt = d.instant("exportedAt");
        RunInfo run = run(d.object("run"));
        List<StepInfo> journal = new ArrayList<>();
        var entries = document.get("journal");
        if (entries == null || entries.getValueType() != JsonValue.ValueType.ARRAY) {
            throw new PayloadException("A run export needs \"journal\", an array (empty for a run without steps)", null);
        }
        for (JsonValue entry : entries.asJsonArray()) {
            if (entry.getValueType() != JsonValue.ValueType.OBJECT) {
                throw new PayloadException("Every \"journal\" entry of a run export is an object, got " + entry, null);
            }
            journal.add(entry(new Fields(entry.asJsonObject(), "journal entry " + journal.size())));
        }
        return new RunExport(version, exportedAt, run, journal);
    }

    private static RunInfo run(Fields r) {
        OperatorAction lastAction = null;
        if (r.has("lastAction")) {
            Fields a = r.object("lastAction");
            lastAction = new OperatorAction(a.enumeration("kind", OperatorAction.Kind.class), a.string("actor"),
                    a.optionalString("reason"), a.instant("at"));
        }
        String parent = r.optionalString("parentRunId");
        String continuedAs = r.optionalString("continuedAs");
        return new RunInfo(new RunId(r.string("id")), r.string("workflow"), r.integer("workflowVersion"),
                r.string("instanceId"), r.enumeration("status", RunStatus.class), r.payload("input"), r.payload("output"),
                r.optionalString("error"), r.instant("createdAt"), r.optionalInstant("updatedAt"),
                r.optionalInstant("finishedAt"), r.optionalInstant("wakeAt"), r.optionalString("waitingFor"),
                r.has("paused") && r.object.getBoolean("paused"), lastAction, parent == null ? null : new RunId(parent),
                r.optionalString("parentStepKey"), continuedAs == null ? null : new RunId(continuedAs),
                r.optionalString("owner"), false);
    }

    private static StepInfo entry(Fields e) {
        try {
            return new StepInfo(e.integer("sequence"), e.string("stepKey"), e.string("name"),
                    e.enumeration("status", StepStatus.class), e.integer("attempt"), e.optionalString("argsHash"),
                    e.payload("result"), e.optionalString("errorType"), e.optionalString("error"),
                    e.optionalInstant("startedAt"), e.optionalInstant("finishedAt"));
        } catch (IllegalArgumentException invalid) {
            throw new PayloadException("A run export's " + e.where + " is not valid: " + invalid.getMessage(), invalid);
        }
    }

    /** The fields of one JSON object, read with messages that say which field of which part is wrong. */
    private record Fields(JsonObject object, String where) {

        boolean has(String name) {
            return object.containsKey(name) && object.get(name).getValueType() != JsonValue.ValueType.NULL;
        }

        private JsonValue value(String name, JsonValue.ValueType type) {
            if (!has(name)) {
                throw new PayloadException("A run export's " + where + " needs \"" + name + "\"", null);
            }
            JsonValue value = object.get(name);
            if (value.getValueType() != type) {
                throw new PayloadException("A run export's " + where + " has \"" + name + "\" of type "
                        + value.getValueType() + ", expected " + type, null);
            }
            return value;
        }

        String string(String name) {
            return ((JsonString) value(name, JsonValue.ValueType.STRING)).getString();
        }

        String optionalString(String name) {
            return has(name) ? string(name) : null;
        }

        int integer(String name) {
            return ((JsonNumber) value(name, JsonValue.ValueType.NUMBER)).intValueExact();
        }

        Fields object(String name) {
            return new Fields(value(name, JsonValue.ValueType.OBJECT).asJsonObject(),
                    "document".equals(where) ? "\"" + name + "\"" : where + " \"" + name + "\"");
        }

        Instant instant(String name) {
            String text = string(name);
            try {
                return Instant.parse(text);
            } catch (DateTimeParseException e) {
                throw new PayloadException("A run export's " + where + " has \"" + name + "\" '" + text
                        + "', not an ISO-8601 instant such as 2026-03-01T10:00:00Z", e);
            }
        }

        Instant optionalInstant(String name) {
            return has(name) ? instant(name) : null;
        }

        <E extends Enum<E>> E enumeration(String name, Class<E> type) {
            String text = string(name);
            try {
                return Enum.valueOf(type, text);
            } catch (IllegalArgumentException e) {
                throw new PayloadException("A run export's " + where + " has \"" + name + "\" '" + text + "', not one of "
                        + java.util.Arrays.toString(type.getEnumConstants()), e);
            }
        }

        /** A payload, back as the JSON text the engine stores; absent is {@code null}, JSON null is "null". */
        String payload(String name) {
            return object.containsKey(name) ? object.get(name).toString() : null;
        }
    }
}
