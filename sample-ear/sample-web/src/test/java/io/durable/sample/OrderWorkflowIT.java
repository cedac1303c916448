package io.durable.sample;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.File;
import java.net.URL;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The sample deployed on a managed Payara Micro: workflows journal through JPA/JTA, a transactional
 * step's rollback leaves neither its effect nor a completed journal row, bad input is refused, and
 * the engine's metrics show on /metrics.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OrderWorkflowIT {

    @Deployment(testable = false)
    static WebArchive sample() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, new File(System.getProperty("sample.war")));
    }

    @ArquillianResource
    URL base;

    private Http api() {
        return new Http(base + "api");
    }

    @Test
    void an_order_runs_every_step_once_and_journals_them_through_jpa() {
        Http api = api();
        Http.Answer started = api.post("orders", Http.order("it-1", "widget", 3));
        assertEquals(201, started.status(), started.body());

        JsonObject run = api.awaitFinished(started.object().getString("runId"));

        assertEquals("COMPLETED", run.getString("status"), run.toString());
        assertEquals(List.of("reserveStock#1", "charge#1", "ship#1", "notifyCustomer#1"),
                run.getJsonArray("steps").stream().map(s -> s.asJsonObject().getString("key")).toList());
        assertEquals("TRK-it-1", run.getJsonObject("output").getString("trackingNumber"));
        JsonObject effects = api.get("orders/it-1/effects").object();
        assertEquals(1, effects.getInt("reservations"));
        assertEquals(1, effects.getInt("payments"));
        assertEquals(1, effects.getInt("shipments"));
        assertEquals(1, effects.getInt("notifications"));
        assertEquals(4, effects.getInt("stepExecutions"));
    }

    @Test
    void a_transactional_step_that_fails_rolls_back_its_effect_and_its_journal_row() {
        Http api = api();
        long stockBefore = api.get("orders/stock/gadget").object().getJsonNumber("stock").longValue();
        Http.Answer started = api.post("orders", Http.order("it-2", "gadget", 50));
        assertEquals(201, started.status(), started.body());

        JsonObject run = api.awaitFinished(started.object().getString("runId"));

        assertEquals("FAILED", run.getString("status"));
        assertTrue(run.getString("error").contains("OutOfStockException"), run.getString("error"));
        JsonObject effects = api.get("orders/it-2/effects").object();
        assertEquals(0, effects.getInt("reservations"), "the reservation must roll back");
        assertEquals(0, effects.getInt("stepExecutions"), "the audit row written in the step's transaction must roll back");
        assertEquals(stockBefore, api.get("orders/stock/gadget").object().getJsonNumber("stock").longValue());
        var steps = run.getJsonArray("steps");
        assertEquals(1, steps.size());
        assertEquals("FAILED", steps.getJsonObject(0).getString("status"), "only the failure is journaled");
        assertEquals("io.durable.sample.order.OutOfStockException", steps.getJsonObject(0).getString("errorType"));
    }

    @Test
    void bad_requests_are_refused_with_a_clear_error() {
        Http api = api();
        assertEquals(404, api.post("runs/no-such-workflow/x-1", "{}").status());
        Http.Answer malformed = api.post("runs/order/x-2", "{\"orderId\":");
        assertEquals(400, malformed.status());
        assertTrue(malformed.object().getString("error").contains("Cannot read the input"), malformed.body());
        assertEquals(400, api.post("runs/order/x-3", "{\"orderId\":\"x\",\"quantity\":\"lots\"}").status());
        assertEquals(400, api.post("orders", Http.order("bad id!", "widget", 1)).status());
        assertEquals(404, api.get("durable/runs/00000000-0000-0000-0000-000000000000").status());
        assertEquals(400, api.get("durable/runs?status=sleeping").status());
        Http.Answer notAnOrder = api.post("orders", "{\"orderId\":");
        assertEquals(400, notAnOrder.status(), notAnOrder.body());
        assertEquals(400, api.post("orders", "{\"orderId\":\"x\",\"quantity\":\"lots\"}").status());

        assertEquals(201, api.post("orders", Http.order("it-dup", "widget", 1)).status());
        Http.Answer duplicate = api.post("orders", Http.order("it-dup", "widget", 1));
        assertEquals(409, duplicate.status());
        assertTrue(duplicate.object().getString("error").contains("already has a run"), duplicate.body());
        assertEquals(0, api.get("durable/runs?workflow=no-such-workflow").object().getJsonArray("runs").size());
    }

    @Test
    void the_engine_publishes_its_metrics() {
        Http api = api();
        Http.Answer started = api.post("orders", Http.order("it-metrics", "widget", 1));
        api.awaitFinished(started.object().getString("runId"));

        String metrics = new Http(base.getProtocol() + "://" + base.getHost() + ":" + base.getPort() + "/").get("metrics").body();

        assertTrue(metrics.contains("durable_runs_started_total{mp_scope=\"application\",workflow=\"order\"}"), metrics);
        assertTrue(metrics.contains("durable_runs_completed_total"), metrics);
        assertTrue(metrics.contains("durable_step_duration"), metrics);
    }
}
