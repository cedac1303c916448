package io.durable.sample;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A small JSON client for the sample's REST API. */
public final class Http {

    public record Answer(int status, String body) {
        public JsonObject object() {
            return (JsonObject) parse(body);
        }

        public JsonArray array() {
            return (JsonArray) parse(body);
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Http(String base) {
        this.base = base.endsWith("/") ? base : base + "/";
    }

    /**
     * Waits, at most a minute, until the run has stopped: COMPLETED, FAILED, CANCELLED or BLOCKED.
     *
     * @return the run as {@code GET runs/{id}} shows it
     */
    public JsonObject awaitFinished(String runId) {
        return org.awaitility.Awaitility.await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(200))
                .until(() -> get("runs/" + runId).object(),
                        run -> java.util.List.of("COMPLETED", "FAILED", "CANCELLED", "BLOCKED").contains(run.getString("status")));
    }

    public Answer get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    public Answer post(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static String order(String orderId, String sku, int quantity) {
        return "{\"orderId\":\"" + orderId + "\",\"sku\":\"" + sku + "\",\"quantity\":" + quantity + ",\"amountCents\":1250}";
    }

    private Answer send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
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
