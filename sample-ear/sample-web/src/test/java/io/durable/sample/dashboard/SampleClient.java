package io.durable.sample.dashboard;

import jakarta.json.Json;
import jakarta.json.JsonObject;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.function.Predicate;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The sample over HTTP as one of its demo users: starts runs (the sample's API) and reads them (the
 * operator API), to set the scene and to check what the dashboard claims.
 */
final class SampleClient {

    /** An answer: its status and body. */
    record Answer(int status, String body) {
        JsonObject object() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }
    }

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String root;

    /** @param root the application's root, for example {@code http://127.0.0.1:PORT/sample-web/} */
    SampleClient(String root) {
        this.root = root;
    }

    Answer get(DemoUser user, String path) {
        return send(user, HttpRequest.newBuilder(URI.create(root + path)).GET());
    }

    Answer post(DemoUser user, String path, String json) {
        return send(user, HttpRequest.newBuilder(URI.create(root + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Starts a run through the sample's API; it belongs to the user's tenant. */
    String start(DemoUser user, String workflow, String instanceId, String input) {
        Answer answer = post(user, "api/runs/" + workflow + "/" + instanceId, input);
        assertEquals(201, answer.status(), answer.body());
        return answer.object().getString("runId");
    }

    /** The run as the operator API shows it to the user. */
    JsonObject run(DemoUser user, String runId) {
        Answer answer = get(user, "api/durable/runs/" + runId);
        assertEquals(200, answer.status(), answer.body());
        return answer.object();
    }

    /** Waits, at most a minute, until the run satisfies the condition. */
    JsonObject awaitRun(DemoUser user, String runId, Predicate<JsonObject> condition) {
        return await().atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(250))
                .until(() -> run(user, runId), condition);
    }

    JsonObject awaitStatus(DemoUser user, String runId, String status) {
        return awaitRun(user, runId, run -> status.equals(run.getString("status")));
    }

    private Answer send(DemoUser user, HttpRequest.Builder request) {
        request.header("Authorization", user.basic());
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

    /** The raw answer with its headers, for the static files. */
    HttpResponse<String> raw(String path, Map<String, String> headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root + path)).GET().timeout(Duration.ofSeconds(30));
        headers.forEach(request::header);
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
