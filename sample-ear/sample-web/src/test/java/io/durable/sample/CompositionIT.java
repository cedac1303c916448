package io.durable.sample;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Composition on a real Payara Micro process: the checkout saga compensates a failed shipment
 * (refund, then release, each in its step's transaction), and a fulfilment whose two child runs are
 * working when the server is killed with {@code kill -9} completes after the restart, with each child
 * started exactly once.
 */
class CompositionIT {

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path folder;

    @Test
    void the_checkout_saga_compensates_and_a_parent_with_two_children_survives_kill_9() throws Exception {
        List<String> config = List.of("-Ddurable.engine.sweep-interval=PT1S", "-Ddurable.engine.lease-duration=PT5S",
                "-Dsample.warehouse.latency-ms=1500");
        try (PayaraMicroProcess server = new PayaraMicroProcess(folder, config)) {
            server.start();
            Http api = new Http(server.api());
            checkoutSagaCompensates(api);
            checkoutWithoutFailureShips(api);

            Http.Answer started = api.post("runs/fulfilment/ful-1", "\"ful-1\"");
            assertEquals(201, started.status(), started.body());
            String parent = started.object().getString("runId");
            JsonObject working = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                    .until(() -> api.get("durable/runs/" + parent + "/tree").object(),
                            tree -> tree.getJsonArray("children").size() == 2);
            assertTrue(working.getJsonArray("children").stream()
                            .map(c -> c.asJsonObject().getJsonObject("run").getString("status"))
                    .anyMatch(s -> !List.of("COMPLETED", "FAILED", "CANCELLED").contains(s)),
                    "a child must still be working at the kill: " + working);
            server.kill9();

            server.start();
            JsonObject done = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> api.run(parent), run -> !isActive(run));
            assertEquals("COMPLETED", done.getString("status"), done.toString());
            String output = done.getJsonString("output").getString();
            assertTrue(output.matches("LBL-north-.* handed over; LBL-south-.* handed over"), output);

            JsonObject tree = api.get("durable/runs/" + parent + "/tree").object();
            assertEquals(2, tree.getJsonArray("children").size(), "each child was started once: " + tree);
            assertFalse(tree.getBoolean("truncated"));
            for (JsonValue child : tree.getJsonArray("children")) {
                JsonObject run = child.asJsonObject().getJsonObject("run");
                assertEquals("COMPLETED", run.getString("status"), child.toString());
                assertEquals(parent, run.getString("parentRunId"));
            }
            long packingRuns = api.allRuns("workflow=packing").stream()
                    .filter(r -> r.getString("instanceId").startsWith(parent)).count();
            assertEquals(2, packingRuns, "no child run was started twice");
            List<String> keys = steps(api, parent);
            assertEquals(1, keys.stream().filter(k -> k.equals("@parallel:warehouses#1/north/@child:packing#1")).count());
            assertEquals(1, keys.stream().filter(k -> k.equals("@parallel:warehouses#1/south/@child:packing#1")).count());
            assertTrue(keys.contains("@parallel:warehouses#1"), keys.toString());
        }
    }

    private static void checkoutSagaCompensates(Http api) {
        Http.Answer started = api.post("runs/checkout/co-fail",
                "{\"orderId\":\"co-fail\",\"amountCents\":1999,\"failShipping\":true}");
        assertEquals(201, started.status(), started.body());
        JsonObject run = api.awaitFinished(started.object().getString("runId"));
        assertEquals("FAILED", run.getString("status"), run.toString());
        assertTrue(run.getString("error").contains("the carrier refused the parcel of order co-fail"), run.toString());
        assertTrue(run.getString("error").contains("compensated: @saga/undo:charge#1, @saga/undo:reserve#1"),
                run.toString());
        assertEquals(List.of("reserve#1", "charge#1", "ship#1", "@saga/undo:charge#1", "@saga/undo:reserve#1"),
                steps(api, run.getString("id")));
        assertEquals(List.of("reserved", "charged 1999", "refunded", "released"), ledger(api, "co-fail"));
    }

    private static void checkoutWithoutFailureShips(Http api) {
        Http.Answer started = api.post("runs/checkout/co-ok", "{\"orderId\":\"co-ok\",\"amountCents\":500}");
        assertEquals(201, started.status(), started.body());
        JsonObject run = api.awaitFinished(started.object().getString("runId"));
        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(List.of("reserved", "charged 500", "shipped"), ledger(api, "co-ok"));
    }

    private static boolean isActive(JsonObject run) {
        return !List.of("COMPLETED", "FAILED", "CANCELLED").contains(run.getString("status"));
    }

    private static List<String> steps(Http api, String runId) {
        return api.run(runId).getJsonArray("steps").stream()
                .map(s -> s.asJsonObject().getString("key")).toList();
    }

    private static List<String> ledger(Http api, String orderId) {
        return api.get("checkout/" + orderId + "/ledger").array().stream()
                .map(v -> ((jakarta.json.JsonString) v).getString()).toList();
    }
}
