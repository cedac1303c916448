package io.durable.testing;

import io.durable.api.RunInfo;
import io.durable.api.RunStatus;
import io.durable.cdi.internal.journal.ReplayChecks;
import jakarta.json.Json;
import jakarta.json.JsonValue;

import java.io.StringReader;
import java.util.Objects;

/** Compares a replayed run with its recording: the engine's mismatch, or another ending. */
final class ReplayVerdict {

    private ReplayVerdict() {
    }

    static RunInfo check(RunInfo recorded, RunInfo replayed) {
        if (replayed.status() == RunStatus.BLOCKED) {
            throw mismatch(recorded, replayed.error());
        }
        if (!ReplayChecks.finished(recorded.status())) {
            if (replayed.status() == RunStatus.PENDING || replayed.status() == RunStatus.RUNNING) {
                throw mismatch(recorded, "The replay of run " + recorded.id() + " did not settle: it is "
                        + replayed.status());
            }
            return replayed;
        }
        boolean same = replayed.status() == recorded.status() && switch (recorded.status()) {
            case COMPLETED -> sameJson(recorded.outputJson(), replayed.outputJson());
            case FAILED -> Objects.equals(recorded.error(), replayed.error());
            default -> true;
        };
        if (!same) {
            throw mismatch(recorded, "Run " + recorded.id() + " of workflow " + recorded.workflowName()
                    + " was recorded " + outcome(recorded) + ", but the current code replays it to "
                    + outcome(replayed) + ". Check that your workflow is deterministic.");
        }
        return replayed;
    }

    private static ReplayMismatchError mismatch(RunInfo recorded, String message) {
        return new ReplayMismatchError(recorded.id(), recorded.workflowName(), message);
    }

    private static String outcome(RunInfo run) {
        return switch (run.status()) {
            case COMPLETED -> "COMPLETED with output " + run.outputJson();
            case FAILED -> "FAILED with error '" + run.error() + "'";
            case SUSPENDED -> "SUSPENDED, waiting for " + run.waitingFor();
            default -> run.status().name();
        };
    }

    private static boolean sameJson(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        return parse(a).equals(parse(b));
    }

    private static JsonValue parse(String json) {
        try (var reader = Json.createReader(new StringReader(json))) {
            return reader.readValue();
        }
    }
}
