package io.durable.sample;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A small JSON client for the sample's REST API, logged in as one of the sample's demo users
 * ({@code operator} of tenant acme unless told otherwise) with HTTP Basic on every request.
 */
public final class Http {

    public record Answer(int status, String body, Map<String, List<String>> headers) {
        /** The first value of a response header (names compare without case), or "" when it has none. */
        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                    .map(e -> e.getValue().get(0)).findFirst().orElse("");
        }

        public JsonObject object() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    /** The most pages {@link #allRuns} follows. */
    private static final int MAX_PAGES = 100;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String authorization;

    /** The API as the demo user {@code operator} (viewer and operator of tenant acme). */
    public Http(String base) {
        this(base.endsWith("/") ? base : base + "/", DemoUser.OPERATOR.basic());
    }

    private Http(String base, String authorization) {
        this.base = base;
        this.authorization = authorization;
    }

    /**
     * The same API as another demo user.
     *
     * @param user viewer, operator, globex or admin
     */
    public Http as(String user) {
        return as(DemoUser.named(user));
    }

    /** The same API as another demo user. */
    public Http as(DemoUser user) {
        return new Http(base, user.basic());
    }

    /** The same API without credentials. */
    public Http anonymous() {
        return new Http(base, null);
    }

    /** The same API with a wrong password for a demo user. */
    public Http wrongPassword(String user) {
        DemoUser demo = DemoUser.named(user);
        return new Http(base, demo.basic("not-" + demo.password));
    }

    /**
     * Starts a run through the sample's API ({@code POST runs/{workflow}/{instanceId}}); it belongs to
     * this user's tenant.
     *
     * @return the run's id
     * @throws AssertionError when the answer is not 201
     */
    public String start(String workflow, String instanceId, String input) {
        Answer answer = post("runs/" + workflow + "/" + instanceId, input);
        if (answer.status() != 201) {
            throw new AssertionError("HTTP " + answer.status() + " starting " + workflow + "/" + instanceId + ": " + answer.body());
        }
        return answer.object().getString("runId");
    }

    /**
     * Waits, at most a minute, until the run has the status.
     *
     * @return the run as {@link #run} shows it
     */
    public JsonObject awaitStatus(String runId, String status) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> run(runId), run -> status.equals(run.getString("status")));
    }

    /**
     * Waits, at most a minute, until the run has stopped: COMPLETED, FAILED, CANCELLED or BLOCKED.
     *
     * @return the run as {@link #run} shows it
     */
    public JsonObject awaitFinished(String runId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> run(runId),
                        run -> List.of("COMPLETED", "FAILED", "CANCELLED", "BLOCKED").contains(run.getString("status")));
    }

    /**
     * A run as the operator API shows it ({@code GET durable/runs/{id}}), with its whole journal
     * ({@code GET durable/runs/{id}/steps}) added as {@code steps}.
     *
     * @throws AssertionError when either answer is not 200
     */
    public JsonObject run(String runId) {
        JsonObject run = ok(get("durable/runs/" + runId)).object();
        JsonArrayBuilder steps = Json.createArrayBuilder();
        JsonValue from = Json.createValue(0);
        for (int page = 0; page < MAX_PAGES && from != JsonValue.NULL; page++) {
            JsonObject answer = ok(get("durable/runs/" + runId + "/steps?limit=1000&from=" + from)).object();
            answer.getJsonArray("steps").forEach(steps::add);
            from = answer.get("next");
        }
        return Json.createObjectBuilder(run).add("steps", steps).build();
    }

    /**
     * Every run a query of the operator API lists, following its cursor.
     *
     * @param query the query string, for example {@code workflow=order&status=COMPLETED}
     */
    public List<JsonObject> allRuns(String query) {
        List<JsonObject> runs = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < MAX_PAGES; page++) {
            JsonObject answer = ok(get("durable/runs?limit=200&" + query
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)))).object();
            answer.getJsonArray("runs").forEach(r -> runs.add(r.asJsonObject()));
            if (answer.isNull("next")) {
                return runs;
            }
            cursor = answer.getString("next");
        }
        throw new AssertionError("more than " + MAX_PAGES + " pages of runs for " + query);
    }

    public Answer get(String path) {
        return send(request(path).GET());
    }

    /** A GET with the given request headers (name, value, name, value, ...). */
    public Answer get(String path, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.GET());
    }

    public Answer post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A POST with the given headers (name, value, name, value, ...) and body. */
    public Answer post(String path, String body, String... headers) {
        HttpRequest.Builder request = request(path);
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public static String order(String orderId, String sku, int quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"amountCents\":1250}";
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request;
    }

    private static Answer ok(Answer answer) {
        if (answer.status() != 200) {
            throw new AssertionError("HTTP " + answer.status() + ": " + answer.body());
        }
        return answer;
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }
}
