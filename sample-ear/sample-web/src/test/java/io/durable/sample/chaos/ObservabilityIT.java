package io.durable.sample.chaos;

import io.durable.sample.Http;
import io.durable.sample.LoopbackPorts;
import io.durable.sample.PayaraMicroProcess;
import io.durable.sample.chaos.war.ValidatingPostgres;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The engine's MicroProfile Health checks, metrics and tracing on a real Payara Micro, with the sample
 * on a PostgreSQL of the test's own (one server boot for the class): readiness is UP, DOWN while that
 * PostgreSQL is stopped (liveness stays UP: a restart would not bring the database back) and UP again
 * once it is back; the step durations on {@code /metrics} are in seconds, as their names say (Payara
 * showed nanoseconds for the mean, maximum and quantiles of a timer registered without a unit); with
 * MicroProfile Telemetry switched on ({@code otel.sdk.disabled=false}), Payara exports the engine's
 * spans over OTLP to a receiver of the test's own, in the trace of the request that started the run.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class ObservabilityIT {

    /** Each order's two provider steps take at least this long. */
    private static final Duration PROVIDER_LATENCY = Duration.ofMillis(300);
    private static final String DATABASE = "observed";

    private final Path folder = Path.of(System.getProperty("chaos.dir", "target/chaos")).toAbsolutePath()
            .resolve("obs-" + UUID.randomUUID().toString().substring(0, 8));
    private OwnPostgres postgres;
    private OtlpReceiver otlp;
    private PayaraMicroProcess server;
    private Http api;
    private Http root;

    @BeforeAll
    void start() throws Exception {
        postgres = OwnPostgres.start(folder.resolve("postgres"));
        postgres.createDatabase(DATABASE);
        Path war = ChaosWar.build(ValidatingPostgres.class, folder.resolve("observed.war"));
        otlp = OtlpReceiver.start();
        server = new PayaraMicroProcess(folder.resolve("server"), war, List.of(
                "-Ddurable.chaos.jdbc-url=" + postgres.url(DATABASE),
                "-Ddurable.engine.lease-duration=PT10S", "-Ddurable.engine.sweep-interval=PT1S",
                "-Dsample.provider.latency-ms=" + PROVIDER_LATENCY.toMillis(),
                // MicroProfile Telemetry records only when switched on; its spans go to the test's receiver
                "-Dotel.sdk.disabled=false", "-Dotel.service.name=durable-sample", "-Dotel.traces.exporter=otlp",
                "-Dotel.metrics.exporter=none", "-Dotel.logs.exporter=none",
                "-Dotel.exporter.otlp.protocol=http/protobuf", "-Dotel.exporter.otlp.endpoint=" + otlp.endpoint(),
                "-Dotel.bsp.schedule.delay=200"),
                PayaraMicroProcess.Cluster.alone("observability"), LoopbackPorts.free(1));
        server.start();
        api = new Http(server.api());
        root = new Http(server.api().replace("sample-web/api/", ""));
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (otlp != null) {
            otlp.close();
        }
    }

    @Test
    @Order(3)
    void payara_exports_the_runs_and_steps_spans_in_the_trace_of_the_request_that_started_the_run() throws Exception {
        Http.Answer started = api.post("orders", Http.order("obs-traced", "widget", 1));
        assertEquals(201, started.status(), started.body());
        String runId = started.object().getString("runId");
        assertEquals("COMPLETED", api.awaitFinished(runId).getString("status"));

        String traceParent;
        try (var c = postgres.connect(DATABASE); var s = c.prepareStatement("SELECT trace_parent FROM durable_run WHERE id = ?")) {
            s.setString(1, runId);
            try (var rows = s.executeQuery()) {
                assertTrue(rows.next());
                traceParent = rows.getString(1);
            }
        }
        assertTrue(traceParent != null && traceParent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[0-9a-f]"),
                "the JAX-RS request's traceparent is stored with the run: " + traceParent);
        byte[] traceId = java.util.HexFormat.of().parseHex(traceParent.substring(3, 35));

        // OTLP is protobuf: names and attribute values are in it as UTF-8, a trace id as its 16 bytes
        byte[] run = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> otlp.find("durable.run order", runId), java.util.Objects::nonNull);
        assertTrue(OtlpReceiver.contains(run, traceId), "the run's span is in the request's trace");
        byte[] step = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> otlp.find("durable.step charge", runId), java.util.Objects::nonNull);
        assertTrue(OtlpReceiver.contains(step, "durable.step.attempt".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertTrue(OtlpReceiver.contains(step, traceId), "the step's span too");
    }

    @Test
    @Order(1)
    void the_step_durations_on_metrics_are_in_seconds() {
        for (int order = 1; order <= 3; order++) {
            Http.Answer started = api.post("orders", Http.order("obs-" + order, "widget", 1));
            assertEquals(201, started.status(), started.body());
            assertEquals("COMPLETED", api.awaitFinished(started.object().getString("runId")).getString("status"));
        }

        String metrics = root.get("metrics").body();
        Map<String, Double> durations = series(metrics, "durable_step_duration_seconds", "workflow=\"order\"");
        System.out.println("durable_step_duration_seconds of workflow order on Payara Micro: " + durations);
        double max = value(durations, "_max");
        double mean = value(durations, "_mean");
        double seconds = PROVIDER_LATENCY.toNanos() / 1e9;
        // charge and notifyCustomer take the provider's latency, reserveStock and ship milliseconds: in seconds
        assertTrue(max >= seconds && max < 10, "the slowest step took about " + seconds + " s, not " + max);
        assertTrue(mean > seconds / 10 && mean < 10, "the mean step is a fraction of a second, not " + mean);
        assertTrue(value(durations, "_sum") >= 3 * 2 * seconds, "the sum: " + durations);
        // Payara writes a timer's quantiles unscaled (nanoseconds) whatever its unit: the engine turns them off
        durations.forEach((name, value) -> assertTrue(name.contains("_count") || name.contains("_sum") || value < 10,
                name + " is in seconds: " + value));
        assertTrue(durations.keySet().stream().noneMatch(name -> name.contains("quantile")), durations.toString());
        assertTrue(series(metrics, "durable_journal_write_seconds", "").keySet().stream()
                .anyMatch(name -> name.startsWith("durable_journal_write_seconds_count")), metrics);
        assertTrue(metrics.contains("durable_runs_current{mp_scope=\"application\",status=\"PENDING\"}"), metrics);
        assertTrue(metrics.contains("durable_sweep_lag_seconds"), metrics);
        assertTrue(metrics.contains("durable_runs_stuck{mp_scope=\"application\",reason=\"overdue\"}"), metrics);
    }

    @Test
    @Order(2)
    void readiness_is_down_while_the_database_is_stopped_and_up_when_it_is_back() throws Exception {
        JsonObject ready = health("health/ready", 200);
        assertEquals("UP", check(ready, "durable-store").getString("status"), ready.toString());
        assertEquals("UP", check(ready, "durable-runs").getString("status"), ready.toString());
        assertEquals("UP", check(health("health/live", 200), "durable-engine").getString("status"));

        postgres.stop();
        long stopped = System.nanoTime();
        JsonObject down = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> root.get("health/ready"), answer -> answer.status() == 503).object();
        System.out.printf("readiness DOWN %d ms after PostgreSQL stopped: %s%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped), down);
        JsonObject store = check(down, "durable-store");
        assertEquals("DOWN", store.getString("status"));
        String reason = store.getJsonObject("data").getString("reason");
        assertTrue(reason.startsWith("the database did not answer") || reason.startsWith("an earlier check"), reason);
        assertTrue(!down.toString().contains("SELECT") && !down.toString().contains("jdbc:"), "no SQL or URL: " + down);
        assertEquals("UP", check(down, "durable-runs").getString("status"), "stuck runs never take a node out");
        assertEquals("UP", check(health("health/live", 200), "durable-engine").getString("status"),
                "a database outage is no reason to restart the node");

        postgres.startServer();
        long started = System.nanoTime();
        JsonObject up = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                .until(() -> root.get("health/ready"), answer -> answer.status() == 200).object();
        System.out.printf("readiness UP %d ms after PostgreSQL started%n",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        assertEquals("UP", check(up, "durable-store").getString("status"));

        Http.Answer after = api.post("orders", Http.order("obs-after", "widget", 1));
        assertEquals(201, after.status(), after.body());
        assertEquals("COMPLETED", api.awaitFinished(after.object().getString("runId")).getString("status"));
    }

    private JsonObject health(String path, int status) {
        Http.Answer answer = root.get(path);
        assertEquals(status, answer.status(), answer.body());
        return answer.object();
    }

    private static JsonObject check(JsonObject health, String name) {
        for (JsonValue check : health.getJsonArray("checks")) {
            if (check.asJsonObject().getString("name").equals(name)) {
                return check.asJsonObject();
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    /** The samples of one metric family that carry a label, by name and labels, e.g. {@code _max{...}}. */
    private static Map<String, Double> series(String metrics, String family, String label) {
        Map<String, Double> found = new LinkedHashMap<>();
        for (String line : metrics.split("\n")) {
            if (line.startsWith(family) && line.contains(label) && !line.startsWith("#")) {
                int space = line.lastIndexOf(' ');
                found.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
            }
        }
        return found;
    }

    private static double value(Map<String, Double> series, String suffix) {
        return series.entrySet().stream().filter(e -> e.getKey().startsWith("durable_step_duration_seconds" + suffix + "{"))
                .mapToDouble(Map.Entry::getValue).findFirst()
                .orElseThrow(() -> new AssertionError("no durable_step_duration_seconds" + suffix + " in " + series));
    }
}
