package io.durable.sample.app;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample EAR on a real Payara Server 6 (engine jars in {@code lib/}, the EJB timers as an EJB
 * module, the REST API in the WAR): it deploys, runs a workflow to completion, and a run asleep
 * during a {@code kill -9} of the server wakes after the restart, on the EJB timer Payara Server kept
 * in its database or, at the latest, on the next sweep.
 */
class PayaraServerIT {

    private static final Duration SWEEP = Duration.ofSeconds(5);
    /** The sample's demo user "operator" (README, "Operator API and dashboard"). */
    private static final String OPERATOR = "Basic " + Base64.getEncoder().encodeToString("operator:operator-pw".getBytes(StandardCharsets.UTF_8));
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void the_ear_runs_workflows_and_a_sleep_survives_kill_9_of_the_server() throws Exception {
        Path home = Path.of(System.getProperty("payara.server.home"));
        if (!Files.isExecutable(home.resolve("bin/asadmin"))) {
            // skipped only outside CI: there the download is part of the build and must work
            assertFalse("true".equalsIgnoreCase(System.getenv("CI")), "No Payara Server at " + home + " under CI");
            Assumptions.abort("No Payara Server at " + home + " (mvn verify -Dpayara.server.skip=true): skipped");
        }
        try (AsadminDomain server = new AsadminDomain(home, Path.of(System.getProperty("payara.server.work")))) {
            server.start();
            server.deploy(Path.of(System.getProperty("sample.ear")));
            String log = Files.readString(server.serverLog());
            assertTrue(log.contains("persistent wake-up timers"), "the engine in lib/ does not use the EJB module's timers");

            String quick = start(server, "reminder", "quick", "{\"who\":\"ann\",\"seconds\":2}");
            JsonObject done = awaitStatus(server, quick, "COMPLETED", Duration.ofSeconds(30));
            assertTrue(done.getString("output").startsWith("reminded ann"), done.toString());

            String acrossCrash = start(server, "reminder", "across-crash", "{\"who\":\"bob\",\"seconds\":20}");
            JsonObject asleep = awaitStatus(server, acrossCrash, "SUSPENDED", Duration.ofSeconds(30));
            assertEquals("sleep", asleep.getString("waitingFor"));
            Instant wakeAt = Instant.parse(asleep.getString("wakeAt"));

            server.kill();
            server.start();
            // the engine starts with the web module, before the API answers
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                    .until(() -> run(server, acrossCrash) != null);
            Instant answering = Instant.now();

            JsonObject woke = awaitStatus(server, acrossCrash, "COMPLETED", Duration.ofSeconds(90));
            assertTrue(woke.getString("output").startsWith("reminded bob"), woke.toString());
            Instant remindStarted = Instant.parse(step(server, acrossCrash, 2).getString("startedAt"));
            assertFalse(remindStarted.isBefore(wakeAt), "woke before its time: " + remindStarted + " < " + wakeAt);
            // the server may come back after the wake time: then the timer or the start-up sweep wakes the run at once
            assertTrue(remindStarted.isBefore(max(wakeAt, answering).plus(SWEEP).plusSeconds(5)),
                    "woke late: " + remindStarted + " for " + wakeAt);
        }
    }

    private String start(AsadminDomain server, String workflow, String instance, String input) throws Exception {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.api() + "runs/" + workflow + "/" + instance))
                .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json").header("Authorization", OPERATOR)
                .POST(HttpRequest.BodyPublishers.ofString(input)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, answer.statusCode(), answer.body());
        return object(answer.body()).getString("runId");
    }

    private JsonObject awaitStatus(AsadminDomain server, String runId, String status, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> run(server, runId), run -> status.equals(run.getString("status")));
    }

    private JsonObject run(AsadminDomain server, String runId) throws IOException, InterruptedException {
        return get(server, "durable/runs/" + runId);
    }

    /** A journal entry of a run, through the operator API. */
    private JsonObject step(AsadminDomain server, String runId, int sequence) throws IOException, InterruptedException {
        return get(server, "durable/runs/" + runId + "/steps?from=" + sequence + "&limit=1").getJsonArray("steps")
                .getJsonObject(0);
    }

    private JsonObject get(AsadminDomain server, String path) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(server.api() + path))
                .timeout(Duration.ofSeconds(10)).header("Authorization", OPERATOR).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return object(answer.body());
    }

    private static JsonObject object(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
