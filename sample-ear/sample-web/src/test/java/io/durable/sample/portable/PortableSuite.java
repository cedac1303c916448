package io.durable.sample.portable;

import io.durable.sample.Http;
import jakarta.json.JsonObject;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The portable acceptance suite of issue 13, the same on every server: a workflow runs to
 * completion with its effects; a transactional step's rollback leaves neither its effect nor a
 * completed journal row; bad input gets its 4xx (through the sample's HTTP Basic login and the
 * operator API of {@code durable-ops}); and a durable sleep survives a {@code kill -9} of the server
 * and its restart, waking neither before its time nor later than the sweep allows. Prints the time
 * the server takes for each phase.
 *
 * <p>The sample's database must be empty at the start: instance ids are fixed.
 */
public final class PortableSuite {

    /** The sample's sweep interval (the engine's default). */
    private static final Duration SWEEP = Duration.ofSeconds(5);
    /** How long the sleep across the crash lasts. */
    private static final int SLEEP_SECONDS = 20;

    private PortableSuite() {
    }

    /** Starts and deploys the server, runs every check, and prints the times. */
    public static void run(SampleServer server) throws Exception {
        Instant begin = Instant.now();
        server.start();
        Instant started = Instant.now();
        server.deploy();
        Instant deployed = Instant.now();
        Http api = new Http(server.api());

        anOrderRunsToCompletion(api);
        aFailedTransactionalStepLeavesNeitherEffectNorJournalRow(api);
        badInputGetsItsFourHundreds(api);
        Duration restart = aSleepSurvivesKill9(server, api);

        System.out.printf("%s: start %d s, deploy %d s, restart after kill -9 until the API answers %d s,"
                        + " whole suite %d s%n", server.name(), Duration.between(begin, started).toSeconds(),
                Duration.between(started, deployed).toSeconds(), restart.toSeconds(),
                Duration.between(begin, Instant.now()).toSeconds());
    }

    static void anOrderRunsToCompletion(Http api) {
        Http.Answer started = api.post("orders", Http.order("portable-1", "widget", 3));
        assertEquals(201, started.status(), started.body());

        JsonObject run = api.awaitFinished(started.object().getString("runId"));

        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(List.of("reserveStock#1", "charge#1", "ship#1", "notifyCustomer#1"),
                run.getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("key")).toList());
        assertEquals("TRK-portable-1", run.getJsonObject("output").getString("trackingNumber"), run.toString());
        JsonObject effects = api.get("orders/portable-1/effects").object();
        assertEquals(1, effects.getInt("reservations"), effects.toString());
        assertEquals(1, effects.getInt("payments"), effects.toString());
        assertEquals(1, effects.getInt("shipments"), effects.toString());
        assertEquals(1, effects.getInt("notifications"), effects.toString());
        assertEquals(4, effects.getInt("stepExecutions"), effects.toString());
    }

    static void aFailedTransactionalStepLeavesNeitherEffectNorJournalRow(Http api) {
        long stockBefore = api.get("orders/stock/gadget").object().getJsonNumber("stock").longValue();
        Http.Answer started = api.post("orders", Http.order("portable-2", "gadget", 50));
        assertEquals(201, started.status(), started.body());

        JsonObject run = api.awaitFinished(started.object().getString("runId"));

        assertEquals("FAILED", run.getString("status"), run.toString());
        assertTrue(run.getString("error").contains("OutOfStockException"), run.getString("error"));
        JsonObject effects = api.get("orders/portable-2/effects").object();
        assertEquals(0, effects.getInt("reservations"), "the reservation must roll back");
        assertEquals(0, effects.getInt("stepExecutions"), "the audit row written in the step's transaction must roll back");
        assertEquals(stockBefore, api.get("orders/stock/gadget").object().getJsonNumber("stock").longValue());
        assertEquals(1, run.getJsonArray("steps").size(), run.toString());
        JsonObject step = run.getJsonArray("steps").getJsonObject(0);
        assertEquals("FAILED", step.getString("status"), "only the failure is journaled");
        assertEquals("io.durable.sample.order.OutOfStockException", step.getString("errorType"));
    }

    static void badInputGetsItsFourHundreds(Http api) {
        assertEquals(401, api.anonymous().get("durable/runs").status());
        assertEquals(401, api.wrongPassword("operator").get("durable/runs").status());
        assertEquals(403, api.as("viewer").post("orders", Http.order("portable-viewer", "widget", 1)).status());
        assertEquals(404, api.post("runs/no-such-workflow/x-1", "{}").status());
        Http.Answer malformed = api.post("runs/order/x-2", "{\"orderId\":");
        assertEquals(400, malformed.status(), malformed.body());
        assertTrue(malformed.object().getString("error").contains("Cannot read the input"), malformed.body());
        assertEquals(400, api.post("runs/order/x-3", "{\"orderId\":\"x\",\"quantity\":\"lots\"}").status());
        assertEquals(400, api.post("orders", Http.order("bad id!", "widget", 1)).status());
        assertEquals(400, api.post("orders", "{\"orderId\":").status());
        assertEquals(400, api.post("orders", "{\"orderId\":\"x\",\"quantity\":\"lots\"}").status());
        assertEquals(404, api.get("durable/runs/00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, api.get("durable/runs?status=sleeping").status());
        assertEquals(0, api.get("durable/runs?workflow=no-such-workflow").object().getJsonArray("runs").size());
        assertEquals(201, api.post("orders", Http.order("portable-dup", "widget", 1)).status());
        Http.Answer duplicate = api.post("orders", Http.order("portable-dup", "widget", 1));
        assertEquals(409, duplicate.status(), duplicate.body());
        assertTrue(duplicate.object().getString("error").contains("already has a run"), duplicate.body());
    }

    /** @return the time from the kill until the restarted server's API answered */
    static Duration aSleepSurvivesKill9(SampleServer server, Http api) throws Exception {
        String acrossCrash = api.post("runs/reminder/portable-across-crash",
                "{\"who\":\"bob\",\"seconds\":" + SLEEP_SECONDS + "}").object().getString("runId");
        JsonObject asleep = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> api.run(acrossCrash), run -> "SUSPENDED".equals(run.getString("status")));
        assertEquals("sleep", asleep.getString("waitingFor"));
        Instant wakeAt = Instant.parse(asleep.getString("wakeAt"));

        server.kill();
        Instant killed = Instant.now();
        server.start();
        // the engine starts with the application, before its API answers
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> api.get("durable/runs/" + acrossCrash).status() == 200);
        Instant answering = Instant.now();

        JsonObject woke = api.awaitFinished(acrossCrash);
        assertEquals("COMPLETED", woke.getString("status"), woke.toString());
        assertTrue(woke.getString("output").startsWith("reminded bob"), woke.toString());
        // the journal entry at position 2 is the reminder's step after the sleep
        Instant remindStarted = Instant.parse(api.get("durable/runs/" + acrossCrash + "/steps?from=2&limit=1").object()
                .getJsonArray("steps").getJsonObject(0).getString("startedAt"));
        assertFalse(remindStarted.isBefore(wakeAt), "woke before its time: " + remindStarted + " < " + wakeAt);
        // the server may come back after the wake time: then a timer or the start-up sweep wakes the run at once
        Instant latest = (wakeAt.isAfter(answering) ? wakeAt : answering).plus(SWEEP).plusSeconds(5);
        assertTrue(remindStarted.isBefore(latest), "woke late: " + remindStarted + " for " + wakeAt);
        return Duration.between(killed, answering);
    }
}
