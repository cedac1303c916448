package io.durable.sample;

import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Durable time on a real Payara Micro process with EJB persistent timers: a sleeping run wakes on
 * time; a run asleep during a {@code kill -9} wakes after the restart (within one sweep interval of
 * the later of its wake time and the restart); a signal written straight into the database while the
 * server is down is delivered after the restart; pause, unpause, cancel and bad signals over HTTP.
 */
class DurableTimeIT {

    private static final Duration SWEEP = Duration.ofSeconds(2);
    /** Time for a busy 2-core machine between a timer or sweep firing and the step starting. */
    private static final Duration SLACK = Duration.ofSeconds(4);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void sleeps_wake_on_time_and_survive_kill_9_and_signals_sent_while_down_are_delivered() throws Exception {
        List<String> config = List.of("-Ddurable.engine.sweep-interval=PT2S", "-Ddurable.engine.lease-duration=PT6S");
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, config)) {
            server.start();
            Http api = new Http(server.api());

            String onTime = start(api, "reminder", "on-time", "{\"who\":\"ann\",\"seconds\":3}");
            String acrossCrash = start(api, "reminder", "across-crash", "{\"who\":\"bob\",\"seconds\":25}");
            String expense = start(api, "expense", "exp-1", "\"exp-1\"");

            JsonObject woke = awaitStatus(api, onTime, "COMPLETED", Duration.ofMinutes(1));
            Instant wakeAt = Instant.parse(step(woke, 1).getString("result"));
            Instant remindStarted = Instant.parse(step(woke, 2).getString("startedAt"));
            assertFalse(remindStarted.isBefore(wakeAt), "woke before its time: " + remindStarted + " < " + wakeAt);
            assertTrue(remindStarted.isBefore(wakeAt.plus(SWEEP).plus(SLACK)),
                    "woke late: " + remindStarted + " for " + wakeAt);

            JsonObject asleep = awaitStatus(api, acrossCrash, "SUSPENDED", Duration.ofMinutes(1));
            assertEquals("sleep", asleep.getString("waitingFor"));
            assertEquals("signal:decision", awaitStatus(api, expense, "SUSPENDED", Duration.ofMinutes(1))
                    .getString("waitingFor"));
            assertEquals(400, api.post("durable/runs/" + expense + "/signals/verdict", "{}").status(), "unknown signal");
            assertEquals(400, api.post("durable/runs/" + expense + "/signals/decision", "{\"approver\":").status(),
                    "malformed payload");

            server.kill9();
            insertSignal(server.h2File(), expense, "decision", "{\"approved\":true,\"approver\":\"dora\"}");
            server.start();
            Instant restarted = Instant.now();

            JsonObject afterCrash = awaitStatus(api, acrossCrash, "COMPLETED", Duration.ofMinutes(2));
            Instant crashWake = Instant.parse(step(afterCrash, 1).getString("result"));
            Instant crashRemind = Instant.parse(step(afterCrash, 2).getString("startedAt"));
            Instant due = crashWake.isAfter(restarted) ? crashWake : restarted;
            assertFalse(crashRemind.isBefore(crashWake), "woke before its time");
            assertTrue(crashRemind.isBefore(due.plus(SWEEP).plus(SLACK)),
                    "woke " + Duration.between(due, crashRemind) + " after it was due (wake " + crashWake
                            + ", restart " + restarted + ")");
            assertEquals("reminded bob", afterCrash.getString("output").substring(0, "reminded bob".length()));

            JsonObject decided = awaitStatus(api, expense, "COMPLETED", Duration.ofMinutes(1));
            assertEquals("exp-1 approved by dora", decided.getString("output"));
            assertEquals(409, api.post("durable/runs/" + expense + "/signals/decision",
                    "{\"approved\":false,\"approver\":\"late\"}").status(), "signal to a finished run");

            String paused = start(api, "reminder", "paused", "{\"who\":\"cy\",\"seconds\":2}");
            awaitStatus(api, paused, "SUSPENDED", Duration.ofMinutes(1));
            assertEquals(200, api.post("durable/runs/" + paused + "/pause", "{\"reason\":\"check\"}").status());
            assertEquals(409, api.post("durable/runs/" + paused + "/pause", "{}").status(), "paused twice");
            // past its wake time and two sweeps, the paused run is still parked
            await().during(SWEEP.plus(SWEEP).plusSeconds(2)).atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                    .until(() -> "SUSPENDED".equals(api.run(paused).getString("status")));
            assertEquals(200, api.post("durable/runs/" + paused + "/unpause", "").status());
            awaitStatus(api, paused, "COMPLETED", Duration.ofMinutes(1));

            String cancelled = start(api, "reminder", "cancelled", "{\"who\":\"dan\",\"seconds\":3600}");
            awaitStatus(api, cancelled, "SUSPENDED", Duration.ofMinutes(1));
            JsonObject cancel = api.post("durable/runs/" + cancelled + "/cancel", "{\"reason\":\"no longer needed\"}")
                    .object();
            assertEquals("CANCELLED", cancel.getString("status"));
            assertTrue(cancel.isNull("wakeAt"));
            assertEquals("operator", cancel.getJsonObject("lastAction").getString("actor"), "the caller is the actor");
            assertEquals(409, api.post("durable/runs/" + cancelled + "/cancel", "{}").status(), "cancelled twice");
        }
    }

    private static String start(Http api, String workflow, String instance, String input) {
        Http.Answer answer = api.post("runs/" + workflow + "/" + instance, input);
        assertEquals(201, answer.status(), answer.body());
        return answer.object().getString("runId");
    }

    private static JsonObject awaitStatus(Http api, String runId, String status, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(200)).ignoreExceptions()
                .until(() -> api.run(runId), run -> status.equals(run.getString("status")));
    }

    private static JsonObject step(JsonObject run, int sequence) {
        return run.getJsonArray("steps").getJsonObject(sequence);
    }

    /** What a sender on another node, or a script, would do while this server is down. */
    private static void insertSignal(Path h2File, String runId, String name, String payload) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + h2File, "sa", "");
             PreparedStatement insert = c.prepareStatement("INSERT INTO durable_signal "
                     + "(id, run_id, name, payload_json, sent_at, consumed) VALUES (?, ?, ?, ?, ?, FALSE)")) {
            insert.setString(1, UUID.randomUUID().toString());
            insert.setString(2, runId);
            insert.setString(3, name);
            insert.setString(4, payload);
            insert.setLong(5, Instant.now().toEpochMilli());
            assertEquals(1, insert.executeUpdate());
        }
    }
}
