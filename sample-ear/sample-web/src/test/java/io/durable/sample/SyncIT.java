package io.durable.sample;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The customer sync on a real Payara Micro process: 5,000 records over 50 pages from the fake CRM
 * (which answers some 429s with Retry-After and some 500s), the server killed with {@code kill -9}
 * mid-sync and restarted; the import finishes with every record present once, no page processed
 * twice and the counters adding up; a second sync finds every record unchanged.
 */
class SyncIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void a_sync_killed_mid_way_finishes_after_the_restart_and_a_second_sync_changes_nothing() throws Exception {
        List<String> config = List.of("-Ddurable.engine.sweep-interval=PT1S", "-Ddurable.engine.lease-duration=PT5S",
                "-Dsample.crm.latency-ms=120", "-Dsample.sync.slice-budget=PT2S");
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, config)) {
            server.start();
            Http api = new Http(server.api());

            Http.Answer started = api.post("syncs/customers", "");
            assertEquals(201, started.status(), started.body());
            String runId = started.object().getString("runId");

            JsonObject progress = await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100))
                    .until(() -> api.get("syncs/" + runId).object(), p -> counter(p, "pages") >= 8);
            assertEquals("RUNNING", progress.getString("status"), progress.toString());

            Http.Answer second = api.post("syncs/customers", "");
            assertEquals(409, second.status(), "a second sync of the same resource is refused: " + second.body());
            assertTrue(second.body().contains("locked by " + runId), second.body());

            long pagesAtKill = counter(api.get("syncs/" + runId).object(), "pages");
            server.kill9();
            assertTrue(pagesAtKill < 45, "killed mid-sync, after " + pagesAtKill + " pages");

            server.start();

            JsonObject done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("syncs/" + runId).object(), SyncIT::finished);
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            assertEquals(Map.of("fetched", 5000L, "inserted", 5000L, "pages", 50L), counters(done), done.toString());

            JsonObject table = api.get("syncs/customers/table").object();
            assertEquals(5000, table.getInt("rows"), "every record once");
            assertEquals(5000, table.getInt("distinctExternalIds"));
            List<String> firstItems = table.getJsonArray("pages").stream()
                    .map(p -> p.asJsonObject().getString("firstItem")).toList();
            assertEquals(50, firstItems.size(), "50 pages processed: " + firstItems.size());
            assertEquals(50, firstItems.stream().distinct().count(), "no page was processed twice");

            JsonObject requests = api.get("fake-crm/requests").object();
            assertTrue(requests.getInt("429") > 0 && requests.getInt("500") > 0, "failures were injected: " + requests);
            assertTrue(requests.getInt("200") <= 51, "no processed page was fetched again: " + requests);

            Http.Answer again = api.post("syncs/customers", "");
            assertEquals(201, again.status(), again.body());
            String secondRun = again.object().getString("runId");
            JsonObject unchanged = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.get("syncs/" + secondRun).object(), SyncIT::finished);
            assertEquals("COMPLETED", unchanged.getString("status"), unchanged.toString());
            assertEquals(Map.of("fetched", 5000L, "unchanged", 5000L, "pages", 50L), counters(unchanged));
            assertEquals(5000, api.get("syncs/customers/table").object().getInt("rows"));
        }
    }

    /**
     * Whether the sync has ended. Not merely "not RUNNING": a sync that slices is SUSPENDED for a
     * moment between two slices, and a poll that meets that moment would take it for the end.
     */
    private static boolean finished(JsonObject progress) {
        return List.of("COMPLETED", "FAILED", "CANCELLED", "BLOCKED").contains(progress.getString("status"));
    }

    private static long counter(JsonObject progress, String name) {
        JsonObject counters = progress.getJsonObject("counters");
        return counters.containsKey(name) ? counters.getJsonNumber(name).longValue() : 0;
    }

    private static Map<String, Long> counters(JsonObject progress) {
        Map<String, Long> values = new HashMap<>();
        for (Map.Entry<String, JsonValue> e : progress.getJsonObject("counters").entrySet()) {
            values.put(e.getKey(), ((jakarta.json.JsonNumber) e.getValue()).longValue());
        }
        return values;
    }
}
